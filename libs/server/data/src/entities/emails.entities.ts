import { Column, Entity, PrimaryColumn } from "typeorm";

/** A tenant's own template for one ticket event's email (no row: the built-in template is used). */
@Entity({ name: "email_templates" })
export class EmailTemplate {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  /** A ticket event name (libs/domain TICKET_EVENTS). */
  @PrimaryColumn({ type: "text", name: "event" })
  event: string;

  @Column({ type: "text", name: "subject" })
  subject: string;

  @Column({ type: "text", name: "html" })
  html: string;

  @Column({ type: "text", name: "text" })
  text: string;

  @Column({ type: "uuid", name: "updated_by", nullable: true })
  updatedBy: string | null;

  @Column({ type: "timestamptz", name: "updated_at", default: () => "now()" })
  updatedAt: Date;
}
