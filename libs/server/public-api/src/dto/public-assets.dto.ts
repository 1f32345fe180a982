import { ApiProperty, ApiSchema } from "@nestjs/swagger";
import { ASSET_STATUSES, type AssetStatus } from "@uslimato/server-data";
import { IntRange, OneOf, Text, Uuid } from "./fields.ts";
import { PersonJson } from "./public-responses.dto.ts";

/** GET /public/v1/assets: the same search, filters and page size conventions as /public/v1/tickets. */
export class AssetListQuery {
  @Text({
    presence: "optional",
    max: 200,
    description: "Words (prefixes) of the name or tag, or an exact asset tag.",
  })
  q?: string;

  @Text({ presence: "optional", max: 100, description: "Exact category, e.g. `Laptop`." })
  category?: string;

  @Text({ presence: "optional", max: 200, description: "Exact location." })
  location?: string;

  @OneOf(ASSET_STATUSES, "optional")
  status?: AssetStatus;

  @Uuid("optional", { description: "The id of the user the assets are assigned to." })
  assignee_id?: string;

  @IntRange(1, 100, 25, { description: "1–100, default 25." })
  limit: number = 25;

  @Text({ presence: "optional", max: 500, description: "`next_cursor` of the previous page." })
  cursor?: string;
}

const uuid = { type: "string", format: "uuid" } as const;
const dateTime = { type: "string", format: "date-time" } as const;

@ApiSchema({ name: "Asset", description: "An asset of the tenant." })
export class AssetJson {
  @ApiProperty(uuid)
  id: string;

  @ApiProperty({ type: "string" })
  name: string;

  @ApiProperty({ type: "string", description: "Unique per tenant (case-insensitive).", example: "LT-0042" })
  asset_tag: string;

  @ApiProperty({ type: "string" })
  category: string;

  @ApiProperty({ type: "string" })
  location: string;

  @ApiProperty({ type: "string", enum: [...ASSET_STATUSES] })
  status: AssetStatus;

  @ApiProperty({ type: () => PersonJson, nullable: true, description: "The user the asset is assigned to." })
  assignee: PersonJson | null;

  @ApiProperty({ type: "string" })
  notes: string;

  @ApiProperty(dateTime)
  created_at: string;

  @ApiProperty(dateTime)
  updated_at: string;
}

@ApiSchema({ name: "AssetPage", description: "One page of assets, by name." })
export class AssetPageJson {
  @ApiProperty({ type: () => [AssetJson] })
  data: AssetJson[];

  @ApiProperty({
    type: "string",
    nullable: true,
    description: "Pass as `cursor` (with the same filters) for the next page; null on the last page.",
  })
  next_cursor: string | null;
}
