import { Column, Entity, PrimaryColumn } from "typeorm";

/** A Public API key; only the SHA-256 of its secret is stored, with a hint to tell keys apart. */
@Entity({ name: "api_keys" })
export class ApiKey {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "text", name: "name" })
  name: string;

  @Column({ type: "text", name: "secret_hash" })
  secretHash: string;

  @Column({ type: "text", name: "secret_hint" })
  secretHint: string;

  @Column({ type: "text", name: "scopes", array: true })
  scopes: string[];

  @Column({ type: "uuid", name: "owner_id" })
  ownerId: string;

  @Column({ type: "uuid", name: "created_by", nullable: true })
  createdBy: string | null;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "expires_at", nullable: true })
  expiresAt: Date | null;

  @Column({ type: "timestamptz", name: "last_used_at", nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: "timestamptz", name: "revoked_at", nullable: true })
  revokedAt: Date | null;
}

/** Requests of one API key on one UTC day, by status class. */
@Entity({ name: "api_usage_daily" })
export class ApiUsageDaily {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "key_id" })
  keyId: string;

  /** A UTC date, "YYYY-MM-DD". */
  @PrimaryColumn({ type: "date", name: "day" })
  day: string;

  @Column({ type: "bigint", name: "requests", default: 0 })
  requests: number;

  @Column({ type: "bigint", name: "status_2xx", default: 0 })
  status2xx: number;

  @Column({ type: "bigint", name: "status_4xx", default: 0 })
  status4xx: number;

  @Column({ type: "bigint", name: "status_5xx", default: 0 })
  status5xx: number;
}

/** The stored response to a POST sent with an Idempotency-Key (kept 24 hours). */
@Entity({ name: "api_idempotency" })
export class ApiIdempotencyRecord {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "key_id" })
  keyId: string;

  @PrimaryColumn({ type: "text", name: "idempotency_key" })
  idempotencyKey: string;

  @Column({ type: "text", name: "request_hash" })
  requestHash: string;

  @Column({ type: "integer", name: "status_code" })
  statusCode: number;

  @Column({ type: "text", name: "response" })
  response: string;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;
}

/** A secret every server process shares (e.g. "cursor", which signs pagination cursors). */
@Entity({ name: "server_secrets" })
export class ServerSecret {
  @PrimaryColumn({ type: "text", name: "name" })
  name: string;

  @Column({ type: "text", name: "value" })
  value: string;
}
