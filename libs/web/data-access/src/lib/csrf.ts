import { Injectable } from "@angular/core";

/** Tenant users and operators have separate sessions (and cookies), so each realm keeps its own token. */
export type Realm = "tenant" | "operator";

export function realmOf(url: string): Realm {
  return url.startsWith("/api/operator") ? "operator" : "tenant";
}

/** The CSRF tokens the session endpoints hand out; writes echo them in `x-csrf-token`. */
@Injectable({ providedIn: "root" })
export class CsrfTokens {
  private readonly tokens: Record<Realm, string | null> = { tenant: null, operator: null };

  set(realm: Realm, token: string | null): void {
    this.tokens[realm] = token;
  }

  get(realm: Realm): string | null {
    return this.tokens[realm];
  }
}
