import { Column, Entity, PrimaryColumn } from "typeorm";

/** A ticket event waiting for (or moved by) the relay: written in the transaction of the change. */
@Entity({ name: "outbox" })
export class OutboxEntry {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "text", name: "event" })
  event: string;

  @Column({ type: "jsonb", name: "payload" })
  payload: Record<string, unknown>;

  @Column({ type: "timestamptz", name: "created_at", default: () => "clock_timestamp()" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "claimed_at", nullable: true })
  claimedAt: Date | null;

  @Column({ type: "timestamptz", name: "relayed_at", nullable: true })
  relayedAt: Date | null;
}

export type DeliveryStatus = "pending" | "sending" | "sent" | "dropped" | "failed";

/** One mail to one recipient, under its delivery key (unique per tenant): never sent twice. */
@Entity({ name: "email_deliveries" })
export class EmailDelivery {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "text", name: "delivery_key" })
  deliveryKey: string;

  @Column({ type: "uuid", name: "outbox_id" })
  outboxId: string;

  @Column({ type: "text", name: "event" })
  event: string;

  @Column({ type: "text", name: "recipient" })
  recipient: string;

  @Column({ type: "uuid", name: "recipient_user_id", nullable: true })
  recipientUserId: string | null;

  @Column({ type: "text", name: "status" })
  status: DeliveryStatus;

  @Column({ type: "text", name: "reason", nullable: true })
  reason: string | null;

  @Column({ type: "text", name: "message_id", nullable: true })
  messageId: string | null;

  @Column({ type: "integer", name: "attempts", default: 0 })
  attempts: number;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "updated_at", default: () => "now()" })
  updatedAt: Date;

  @Column({ type: "timestamptz", name: "sent_at", nullable: true })
  sentAt: Date | null;
}
