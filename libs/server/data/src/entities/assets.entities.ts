import { ASSET_STATUSES, type AssetStatus } from "@uslimato/domain";
import { Column, Entity, PrimaryColumn } from "typeorm";

/** assets.status (SQL check): @uslimato/domain's list. */
export { ASSET_STATUSES, type AssetStatus };

/** An asset of a tenant (a laptop, a monitor, a phone, …). */
@Entity({ name: "assets" })
export class Asset {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "text", name: "name" })
  name: string;

  @Column({ type: "text", name: "asset_tag" })
  assetTag: string;

  @Column({ type: "text", name: "category" })
  category: string;

  @Column({ type: "text", name: "location", default: "" })
  location: string;

  @Column({ type: "text", name: "status", default: "in_stock" })
  status: AssetStatus;

  @Column({ type: "uuid", name: "assignee_id", nullable: true })
  assigneeId: string | null;

  @Column({ type: "text", name: "notes", default: "" })
  notes: string;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "updated_at", default: () => "now()" })
  updatedAt: Date;
}

/** One move of an asset between locations and/or people. */
@Entity({ name: "asset_movements" })
export class AssetMovement {
  @PrimaryColumn({ type: "uuid", name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "uuid", name: "id", default: () => "uuid_v7()" })
  id: string;

  @Column({ type: "uuid", name: "asset_id" })
  assetId: string;

  @Column({ type: "text", name: "from_location", default: "" })
  fromLocation: string;

  @Column({ type: "text", name: "to_location", default: "" })
  toLocation: string;

  @Column({ type: "uuid", name: "from_person_id", nullable: true })
  fromPersonId: string | null;

  @Column({ type: "uuid", name: "to_person_id", nullable: true })
  toPersonId: string | null;

  @Column({ type: "timestamptz", name: "moved_at" })
  movedAt: Date;

  @Column({ type: "text", name: "note", default: "" })
  note: string;

  @Column({ type: "uuid", name: "recorded_by", nullable: true })
  recordedBy: string | null;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;
}
