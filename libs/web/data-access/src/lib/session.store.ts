import { HttpClient, HttpErrorResponse } from "@angular/common/http";
import { computed, Injectable, inject, signal } from "@angular/core";
import type { FeatureFlag, Permission } from "@uslimato/domain";
import { firstValueFrom } from "rxjs";
import { CsrfTokens } from "./csrf.ts";
import { ApiProblem } from "./problem.ts";

/** What `GET /api/session` and `POST /api/auth/sign-in` answer. */
export interface Session {
  user: { id: string; name: string; email: string };
  tenant: { id: string; slug: string; name: string };
  permissions: string[];
  features: Record<FeatureFlag, boolean>;
  itsmLicensed: boolean;
  csrfToken: string;
}

export interface SignInInput {
  email: string;
  password: string;
  /** The workspace's slug, when the email belongs to several (the server answers 409 with `tenants`). */
  tenant?: string;
}

export interface WorkspaceChoice {
  slug: string;
  name: string;
}

function isUnauthorized(err: unknown): boolean {
  return (
    (err instanceof ApiProblem && err.problem.status === 401) ||
    (err instanceof HttpErrorResponse && err.status === 401)
  );
}

/**
 * The signed-in tenant user's session in signals. The server enforces every permission and flag; the
 * app asks `can`/`flagOn` only to hide what it would refuse.
 */
@Injectable({ providedIn: "root" })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly csrf = inject(CsrfTokens);
  private readonly current = signal<Session | null>(null);
  private readonly loadedOnce = signal(false);
  private readonly expiredFlag = signal(false);
  private pending: Promise<Session | null> | null = null;

  /** The session, or null when nobody is signed in. */
  readonly session = this.current.asReadonly();
  /** The session has been asked for at least once (guards wait for it). */
  readonly loaded = this.loadedOnce.asReadonly();
  /** A call answered 401 mid-work: the shell asks to sign in again without leaving the page. */
  readonly expired = this.expiredFlag.asReadonly();
  readonly permissions = computed(() => new Set(this.current()?.permissions ?? []));

  can(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  flagOn(flag: FeatureFlag): boolean {
    return this.current()?.features[flag] === true;
  }

  /** Reads the session once (later calls share the first answer); `force` asks the server again. */
  load(force = false): Promise<Session | null> {
    if (this.loadedOnce() && !force) return Promise.resolve(this.current());
    this.pending ??= this.fetch().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  async signIn(input: SignInInput): Promise<Session> {
    const session = await firstValueFrom(this.http.post<Session>("/api/auth/sign-in", input));
    this.set(session);
    return session;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>("/api/auth/sign-out", {}));
    } finally {
      this.set(null);
    }
  }

  markExpired(): void {
    this.expiredFlag.set(true);
  }

  private set(session: Session | null): void {
    this.csrf.set("tenant", session?.csrfToken ?? null);
    this.current.set(session);
    this.loadedOnce.set(true);
    this.expiredFlag.set(false);
  }

  private async fetch(): Promise<Session | null> {
    // A 401 for a session we held is asked once more, so one failed lookup does not sign anyone out.
    for (let attempt = 0; ; attempt++) {
      try {
        const session = await firstValueFrom(this.http.get<Session>("/api/session"));
        this.set(session);
        return session;
      } catch (err) {
        if (!isUnauthorized(err)) throw err;
        if (attempt === 0 && this.current() !== null) continue;
        this.set(null);
        return null;
      }
    }
  }
}
