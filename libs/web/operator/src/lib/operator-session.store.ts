import { HttpClient } from "@angular/common/http";
import { computed, Injectable, inject, signal } from "@angular/core";
import { CsrfTokens, problemOf } from "@uslimato/web-data-access";
import { firstValueFrom } from "rxjs";
import type { OperatorSession } from "./types.ts";

/**
 * The operator's own session: a separate cookie (path /api/operator) and CSRF token (the "operator"
 * realm of CsrfTokens) from any tenant user's. `session()` is undefined until asked, null when nobody
 * is signed in as operator.
 */
@Injectable({ providedIn: "root" })
export class OperatorSessionStore {
  private readonly http = inject(HttpClient);
  private readonly csrf = inject(CsrfTokens);
  private readonly state = signal<OperatorSession | null | undefined>(undefined);
  readonly session = this.state.asReadonly();
  readonly email = computed(() => this.state()?.operator.email ?? null);

  /** The session, asked from the server once; a failure other than 401 is thrown (nothing is known). */
  async load(): Promise<OperatorSession | null> {
    const known = this.state();
    if (known !== undefined) return known;
    try {
      const session = await firstValueFrom(this.http.get<OperatorSession>("/api/operator/session"));
      this.set(session);
      return session;
    } catch (error) {
      if (problemOf(error).status !== 401) throw error;
      this.set(null);
      return null;
    }
  }

  async signIn(email: string, password: string): Promise<OperatorSession> {
    const session = await firstValueFrom(
      this.http.post<OperatorSession>("/api/operator/sign-in", { email, password }),
    );
    this.set(session);
    return session;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>("/api/operator/sign-out", {}));
    } finally {
      this.set(null);
    }
  }

  /** The server answered 401 on an operator route: the session is gone. */
  forget(): void {
    this.set(null);
  }

  private set(session: OperatorSession | null): void {
    this.csrf.set("operator", session?.csrfToken ?? null);
    this.state.set(session);
  }
}
