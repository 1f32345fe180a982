import { Injectable, type OnApplicationBootstrap } from "@nestjs/common";
import {
  dummyVerify,
  hashPassword,
  passwordWeakness,
  randomToken,
  SignInThrottle,
  sha256,
  verifyPassword,
} from "@uslimato/server-access";
import {
  AppError,
  type Config,
  InjectConfig,
  type OperatorContext,
  OperatorSessionResolver,
} from "@uslimato/server-core";
import { Operator, OperatorSession, unscoped } from "@uslimato/server-data";
import { DataSource, type EntityManager } from "typeorm";

/** How long an operator session lasts (the cookie's max-age too). */
export const OPERATOR_SESSION_SECONDS = 12 * 3600;

/**
 * Operators (the Uslimato team, not tenant users): the first one from OPERATOR_EMAIL/OPERATOR_PASSWORD,
 * sign-in, sign-out and the session behind the operator cookie (the access guard's resolver). Operator
 * tables belong to no tenant, so everything runs unscoped.
 */
@Injectable()
export class OperatorsService implements OperatorSessionResolver, OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: SignInThrottle,
    @InjectConfig() private readonly config: Config,
  ) {}

  /** The first operator exists as soon as the application has started. */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureOperator(this.config.operatorEmail, this.config.operatorPassword);
  }

  /**
   * The first operator comes from OPERATOR_EMAIL / OPERATOR_PASSWORD: created once, never overwritten
   * (a later password change in the environment does nothing). True when it was created now.
   */
  async ensureOperator(email: string | undefined, password: string | undefined): Promise<boolean> {
    if (!email || !password) return false;
    const weakness = passwordWeakness(password);
    if (weakness) throw new Error(`OPERATOR_PASSWORD ${weakness}.`);
    if (await unscoped(this.dataSource, (em) => operatorByEmail(em, email))) return false;
    const passwordHash = await hashPassword(password);
    // Two processes starting at once: the unique index on lower(email) keeps one, the other inserts nothing.
    const inserted: unknown[] = await unscoped(this.dataSource, (em) =>
      em.query(
        "insert into operators (email, password_hash) values ($1, $2) on conflict do nothing returning id",
        [email, passwordHash],
      ),
    );
    return inserted.length > 0;
  }

  async signIn(
    email: string,
    password: string,
    ip: string,
  ): Promise<{ cookie: string; operator: { id: string; email: string }; csrfToken: string }> {
    const keys = [`operator:${email.toLowerCase()}`, `operator-ip:${ip}`];
    await this.throttle.assertMayTry(keys);
    const op = await unscoped(this.dataSource, (em) => operatorByEmail(em, email), { readOnly: true });
    // Unknown email: verify against a dummy hash all the same, so timing does not tell which exist.
    const ok = op ? await verifyPassword(op.passwordHash, password) : await dummyVerify(password);
    if (!op || !ok) {
      await this.throttle.recordFailure(keys);
      throw new AppError("unauthenticated", "The email or password is not correct.");
    }
    await this.throttle.clearFailures([keys[0] as string]);
    const secret = randomToken();
    const csrfToken = randomToken(24);
    await unscoped(this.dataSource, (em) =>
      em.getRepository(OperatorSession).insert({
        tokenHash: sha256(secret),
        operatorId: op.id,
        csrfToken,
        expiresAt: new Date(Date.now() + OPERATOR_SESSION_SECONDS * 1000),
      }),
    );
    return { cookie: secret, operator: { id: op.id, email: op.email }, csrfToken };
  }

  /** The operator behind the cookie, or null (missing, unknown or expired). */
  async resolve(cookie: string | undefined): Promise<OperatorContext | null> {
    if (!cookie || cookie.length > 100) return null;
    const hash = sha256(cookie);
    // Every operator request runs this: one statement, as the old lookup was.
    const rows: { id: string; email: string; csrf_token: string }[] = await unscoped(
      this.dataSource,
      (em) =>
        em.query(
          `select o.id, o.email, s.csrf_token from operator_sessions s
           join operators o on o.id = s.operator_id
           where s.token_hash = $1 and s.expires_at > now()`,
          [hash],
        ),
      { readOnly: true },
    );
    const row = rows[0];
    return row
      ? { operatorId: row.id, email: row.email, csrfToken: row.csrf_token, sessionHash: hash }
      : null;
  }

  async signOut(op: OperatorContext): Promise<void> {
    await unscoped(this.dataSource, (em) =>
      em.getRepository(OperatorSession).delete({ tokenHash: op.sessionHash }),
    );
  }
}

function operatorByEmail(em: EntityManager, email: string): Promise<Operator | null> {
  return em
    .getRepository(Operator)
    .createQueryBuilder("o")
    .where("lower(o.email) = :email", { email: email.toLowerCase() })
    .getOne();
}
