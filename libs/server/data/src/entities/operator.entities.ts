import { Column, Entity, PrimaryColumn } from "typeorm";

/** An operator of the installation (not a tenant user). */
@Entity({ name: "operators" })
export class Operator {
  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "text", name: "email" })
  email: string;

  @Column({ type: "text", name: "password_hash" })
  passwordHash: string;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;
}

/** An operator's sign-in session; only the SHA-256 of the token is stored. */
@Entity({ name: "operator_sessions" })
export class OperatorSession {
  @PrimaryColumn({ type: "text", name: "token_hash" })
  tokenHash: string;

  @Column({ type: "uuid", name: "operator_id" })
  operatorId: string;

  @Column({ type: "text", name: "csrf_token" })
  csrfToken: string;

  @Column({ type: "timestamptz", name: "expires_at" })
  expiresAt: Date;
}

/** Something the operator must look at, at most one per (tenant, kind, period). */
@Entity({ name: "operator_alerts" })
export class OperatorAlert {
  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @Column({ type: "text", name: "kind" })
  kind: string;

  @Column({ type: "text", name: "period" })
  period: string;

  @Column({ type: "text", name: "message" })
  message: string;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "acknowledged_at", nullable: true })
  acknowledgedAt: Date | null;
}

/** A "run once" schedule shared by every process: the job runs when a process claims next_run_at. */
@Entity({ name: "schedules" })
export class Schedule {
  @PrimaryColumn({ type: "text", name: "name" })
  name: string;

  @Column({ type: "timestamptz", name: "next_run_at" })
  nextRunAt: Date;

  @Column({ type: "timestamptz", name: "last_run_at", nullable: true })
  lastRunAt: Date | null;

  @Column({ type: "text", name: "last_result", nullable: true })
  lastResult: string | null;
}
