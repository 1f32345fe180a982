import { Injectable } from "@nestjs/common";
import { AppError, type UserContext } from "@uslimato/server-core";
import { Tenant, User, unscoped } from "@uslimato/server-data";
import { DataSource } from "typeorm";
import { dummyVerify, verifyPassword } from "./passwords.ts";
import { SessionsService } from "./sessions.service.ts";
import { SignInThrottle } from "./sign-in-throttle.ts";

export interface SignInInput {
  email: string;
  password: string;
  tenant?: string | undefined;
}

interface Candidate {
  id: string;
  tenantId: string;
  passwordHash: string;
  slug: string;
  name: string;
}

/** Sign-in with email and password: a new session, or 401 / 409 (choose a workspace) / 429. */
@Injectable()
export class SignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: SignInThrottle,
    private readonly sessions: SessionsService,
  ) {}

  /** The new session's cookie value and the signed-in user it resolves to. */
  async signIn(input: SignInInput, ip: string): Promise<{ cookie: string; user: UserContext }> {
    const email = input.email.trim();
    const keys = [`email:${email.toLowerCase()}`, `ip:${ip}`];
    await this.throttle.assertMayTry(keys);
    const candidates = await this.unsafeCandidates(email, input.tenant);
    const matches: Candidate[] = [];
    for (const c of candidates) if (await verifyPassword(c.passwordHash, input.password)) matches.push(c);
    if (candidates.length === 0) await dummyVerify(input.password);
    const [match] = matches;
    if (!match) {
      await this.throttle.recordFailure(keys);
      throw new AppError("unauthenticated", "The email or password is not correct.");
    }
    if (matches.length > 1) {
      throw new AppError("conflict", "This email belongs to several workspaces. Choose one.", {
        errors: [{ field: "tenant", message: "choose a workspace" }],
        extra: { tenants: matches.map((m) => ({ slug: m.slug, name: m.name })) },
      });
    }
    await this.throttle.clearFailures([keys[0] as string]);
    const { cookie } = await this.sessions.createSession(match.tenantId, match.id);
    const user = await this.sessions.resolve(cookie);
    if (!user) throw new Error("session vanished right after sign-in");
    return { cookie, user };
  }

  /**
   * Sign-in happens before a tenant is known, so it is the one place that looks users up across
   * tenants (hence unsafe). An email may exist in several tenants: when the password matches in more
   * than one and no tenant was named, the caller is asked to choose.
   */
  private unsafeCandidates(email: string, tenantSlug: string | undefined): Promise<Candidate[]> {
    return unscoped(
      this.dataSource,
      (em) => {
        const query = em
          .createQueryBuilder(User, "u")
          .innerJoin(Tenant, "t", "t.id = u.tenantId")
          .select(["u.id as id", 'u.tenant_id as "tenantId"', 'u.password_hash as "passwordHash"'])
          .addSelect(["t.slug as slug", "t.name as name"])
          .where("lower(u.email) = :email", { email: email.toLowerCase() })
          .andWhere("u.active = true");
        if (tenantSlug) query.andWhere("t.slug = :slug", { slug: tenantSlug });
        return query.getRawMany<Candidate>();
      },
      { readOnly: true },
    );
  }
}
