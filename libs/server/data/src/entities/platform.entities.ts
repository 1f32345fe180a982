import { Column, Entity, PrimaryColumn } from "typeorm";

/** A tenant (one customer organisation); every tenant-owned row leads its key with its id. */
@Entity({ name: "tenants" })
export class Tenant {
  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "text", name: "slug", unique: true })
  slug: string;

  @Column({ type: "text", name: "name" })
  name: string;

  @Column({ type: "text", name: "time_zone", default: "UTC" })
  timeZone: string;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;
}

/** A named permission of the catalogue (platform permissions and the ITSM ones). */
@Entity({ name: "permissions" })
export class Permission {
  @PrimaryColumn({ type: "text", name: "name" })
  name: string;

  @Column({ type: "text", name: "description" })
  description: string;

  @Column({ type: "boolean", name: "itsm", default: false })
  itsm: boolean;
}

/** A user of a tenant. */
@Entity({ name: "users" })
export class User {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "text", name: "email" })
  email: string;

  @Column({ type: "text", name: "name" })
  name: string;

  @Column({ type: "text", name: "password_hash" })
  passwordHash: string;

  @Column({ type: "boolean", name: "active", default: true })
  active: boolean;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;
}

/** A group of users of a tenant; system groups carry a system key and cannot be renamed or deleted. */
@Entity({ name: "groups" })
export class Group {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "text", name: "name" })
  name: string;

  @Column({ type: "text", name: "system_key", nullable: true })
  systemKey: string | null;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;
}

/** A permission granted to a group. */
@Entity({ name: "group_permissions" })
export class GroupPermission {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "group_id" })
  groupId: string;

  @PrimaryColumn({ type: "text", name: "permission" })
  permission: string;
}

/** A user's membership of a group. */
@Entity({ name: "group_members" })
export class GroupMember {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "group_id" })
  groupId: string;

  @PrimaryColumn({ type: "uuid", name: "user_id" })
  userId: string;

  @Column({ type: "timestamptz", name: "added_at", default: () => "now()" })
  addedAt: Date;
}

/** A user's sign-in session; only the SHA-256 of the cookie's secret is stored. */
@Entity({ name: "sessions" })
export class Session {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "text", name: "token_hash" })
  tokenHash: string;

  @Column({ type: "uuid", name: "user_id" })
  userId: string;

  @Column({ type: "text", name: "csrf_token" })
  csrfToken: string;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "expires_at" })
  expiresAt: Date;
}

/**
 * A failed sign-in for a key, counted in a sliding window.
 * The table has NO primary key in SQL: (key, failed_at) is declared primary here only because TypeORM
 * requires one. Use this entity for reading and typing only; never synchronize the schema from it.
 * Rows may repeat (key, failed_at), and find() merges such rows: count with count() or SQL.
 */
@Entity({ name: "sign_in_failures" })
export class SignInFailure {
  @PrimaryColumn({ type: "text", name: "key" })
  key: string;

  @PrimaryColumn({ type: "timestamptz", name: "failed_at", default: () => "now()" })
  failedAt: Date;
}
