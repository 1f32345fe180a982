import { HttpClient } from "@angular/common/http";
import { Injectable, inject } from "@angular/core";
import { firstValueFrom } from "rxjs";
import type {
  ApiKey,
  CreatedApiKey,
  EmailTemplate,
  Group,
  ItsmSettings,
  NewApiKeyInput,
  TemplateContent,
  User,
} from "./types.ts";

/**
 * Every write of the settings pages, as promises (reads are httpResources in the pages). The CSRF
 * header, the 401 → sign-in and problem+json parsing are the data-access interceptors' job.
 */
const TEMPLATES = "/api/settings/itsm/email-templates";

@Injectable({ providedIn: "root" })
export class SettingsApi {
  private readonly http = inject(HttpClient);

  private send<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
    return firstValueFrom(
      this.http.request<T>(method, url, { body: body ?? (method === "DELETE" ? null : {}) }),
    );
  }

  createUser(input: { email: string; name: string; password: string }): Promise<User> {
    return this.send("POST", "/api/users", input);
  }

  setUserActive(id: string, active: boolean): Promise<User> {
    return this.send("PATCH", `/api/users/${id}`, { active });
  }

  createGroup(input: { name: string; permissions: string[] }): Promise<Group> {
    return this.send("POST", "/api/groups", input);
  }

  updateGroup(id: string, patch: { name?: string; permissions?: string[] }): Promise<Group> {
    return this.send("PATCH", `/api/groups/${id}`, patch);
  }

  deleteGroup(id: string): Promise<void> {
    return this.send("DELETE", `/api/groups/${id}`);
  }

  addMember(groupId: string, userId: string): Promise<Group> {
    return this.send("PUT", `/api/groups/${groupId}/members/${userId}`);
  }

  removeMember(groupId: string, userId: string): Promise<Group> {
    return this.send("DELETE", `/api/groups/${groupId}/members/${userId}`);
  }

  saveItsm(patch: Partial<ItsmSettings>): Promise<ItsmSettings> {
    return this.send("PATCH", "/api/settings/itsm", patch);
  }

  saveTemplate(event: string, content: TemplateContent): Promise<EmailTemplate> {
    return this.send("PUT", `${TEMPLATES}/${encodeURIComponent(event)}`, content);
  }

  resetTemplate(event: string): Promise<void> {
    return this.send("DELETE", `${TEMPLATES}/${encodeURIComponent(event)}`);
  }

  previewTemplate(event: string, content: TemplateContent): Promise<TemplateContent> {
    return this.send("POST", `${TEMPLATES}/${encodeURIComponent(event)}/preview`, content);
  }

  /** Renders the draft with sample data and mails it to the signed-in admin's own address. */
  testSendTemplate(event: string, content: TemplateContent): Promise<{ to: string }> {
    return this.send("POST", `${TEMPLATES}/${encodeURIComponent(event)}/test-send`, content);
  }

  createApiKey(input: NewApiKeyInput): Promise<CreatedApiKey> {
    return this.send("POST", "/api/api-keys", input);
  }

  revokeApiKey(id: string): Promise<ApiKey> {
    return this.send("POST", `/api/api-keys/${id}/revoke`);
  }
}
