import type { Status } from "@uslimato/domain";
import { Column, Entity, PrimaryColumn } from "typeorm";

/** tickets.type (SQL check). */
export type TicketType = "incident" | "service_request";
/** The state machine's statuses (libs/domain). */
export type TicketStatus = Status;
/** tickets.priority (SQL check). */
export type TicketPriority = "low" | "medium" | "high" | "critical";
/** ticket_comments.visibility (SQL check). */
export type CommentVisibility = "external" | "internal";

/** A tenant's ITSM settings and its gapless ticket-number counter. */
@Entity({ name: "itsm_settings" })
export class ItsmSettings {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @Column({ type: "text", name: "ticket_prefix", default: "TKT" })
  ticketPrefix: string;

  @Column({ type: "integer", name: "auto_close_days", default: 7 })
  autoCloseDays: number;

  /** The ITSM queue address: ticket.created mails go here instead of to every agent (null: agents). */
  @Column({ type: "text", name: "queue_email", nullable: true })
  queueEmail: string | null;

  @Column({ type: "bigint", name: "last_ticket_number", default: 0 })
  lastTicketNumber: number;

  @Column({ type: "timestamptz", name: "updated_at", default: () => "now()" })
  updatedAt: Date;
}

/** A ticket (incident or service request). */
@Entity({ name: "tickets" })
export class Ticket {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "bigint", name: "number" })
  number: number;

  @Column({ type: "text", name: "prefix" })
  prefix: string;

  @Column({ type: "text", name: "type" })
  type: TicketType;

  @Column({ type: "text", name: "title" })
  title: string;

  @Column({ type: "text", name: "description" })
  description: string;

  @Column({ type: "text", name: "status", default: "open" })
  status: TicketStatus;

  @Column({ type: "text", name: "priority", default: "medium" })
  priority: TicketPriority;

  @Column({ type: "uuid", name: "reporter_id" })
  reporterId: string;

  @Column({ type: "uuid", name: "assignee_id", nullable: true })
  assigneeId: string | null;

  @Column({ type: "uuid", name: "asset_id", nullable: true })
  assetId: string | null;

  @Column({ type: "uuid", name: "movement_id", nullable: true })
  movementId: string | null;

  /** What the ticket keeps of its asset once that was deleted (assets migration). */
  @Column({ type: "jsonb", name: "asset_snapshot", nullable: true })
  assetSnapshot: { id: string; name: string; tag: string; deleted_at: string } | null;

  @Column({ type: "text", name: "cancel_reason", nullable: true })
  cancelReason: string | null;

  @Column({ type: "timestamptz", name: "created_at", precision: 3, default: () => "now()" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "updated_at", default: () => "now()" })
  updatedAt: Date;

  @Column({ type: "timestamptz", name: "resolved_at", nullable: true })
  resolvedAt: Date | null;

  @Column({ type: "timestamptz", name: "closed_at", nullable: true })
  closedAt: Date | null;
}

/** The number of a tenant's tickets in one status, kept by a trigger on tickets. */
@Entity({ name: "ticket_status_counts" })
export class TicketStatusCount {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "text", name: "status" })
  status: string;

  @Column({ type: "bigint", name: "n", default: 0 })
  n: number;
}

/** A comment on a ticket, external (seen by the reporter) or internal. */
@Entity({ name: "ticket_comments" })
export class TicketComment {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "uuid", name: "ticket_id" })
  ticketId: string;

  @Column({ type: "uuid", name: "author_id", nullable: true })
  authorId: string | null;

  @Column({ type: "text", name: "visibility" })
  visibility: CommentVisibility;

  @Column({ type: "text", name: "body" })
  body: string;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;
}

/** One immutable entry of a ticket's history (insert and read only). */
@Entity({ name: "ticket_history" })
export class TicketHistoryEntry {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "uuid", name: "ticket_id" })
  ticketId: string;

  @Column({ type: "uuid", name: "actor_id", nullable: true })
  actorId: string | null;

  @Column({ type: "text", name: "kind" })
  kind: string;

  @Column({ type: "text", name: "field", nullable: true })
  field: string | null;

  @Column({ type: "text", name: "old_value", nullable: true })
  oldValue: string | null;

  @Column({ type: "text", name: "new_value", nullable: true })
  newValue: string | null;

  @Column({ type: "boolean", name: "internal", default: false })
  internal: boolean;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;

  @Column({
    type: "bigint",
    name: "seq",
    generated: "identity",
    generatedIdentity: "ALWAYS",
    insert: false,
    update: false,
  })
  seq: number;
}
