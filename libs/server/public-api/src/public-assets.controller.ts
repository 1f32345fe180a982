import { Controller, Get, Query } from "@nestjs/common";
import { ApiOperation, ApiSecurity, ApiTags } from "@nestjs/swagger";
import { AssetsService, type AssetView } from "@uslimato/server-assets";
import { Access, type ApiKeyCaller, CurrentApiKey } from "@uslimato/server-core";
import { CursorService } from "./cursor.service.ts";
import { cursorContext } from "./cursor.ts";
import { AssetJson, AssetListQuery, AssetPageJson } from "./dto/public-assets.dto.ts";
import { ApiJson, ApiProblems, BEARER_SCHEME } from "./openapi.ts";

const iso = (d: Date | string) => new Date(d).toISOString();

/** Exactly the documented fields, in a fixed order (dto/public-assets.dto.ts). */
export function assetJson(a: AssetView): AssetJson {
  return {
    id: a.id,
    name: a.name,
    asset_tag: a.asset_tag,
    category: a.category,
    location: a.location,
    status: a.status,
    assignee: a.assignee ? { id: a.assignee.id, name: a.assignee.name, email: a.assignee.email } : null,
    notes: a.notes,
    created_at: iso(a.created_at),
    updated_at: iso(a.updated_at),
  };
}

/**
 * /public/v1/assets: the platform's assets for API keys with `assets:read` (product.md §1). A platform
 * resource, so it needs no ITSM license or flag. Cursors are signed like the tickets' (cursor.ts).
 */
@Controller("public/v1/assets")
@ApiTags("Assets")
@ApiSecurity(BEARER_SCHEME)
export class PublicAssetsController {
  constructor(
    private readonly assets: AssetsService,
    private readonly cursors: CursorService,
  ) {}

  @Get()
  @Access({ kind: "api-key", scope: "assets:read" })
  @ApiOperation({
    operationId: "listAssets",
    summary: "List assets",
    description:
      "By name, keyset-paginated; search with `q`, filter by category, location, status or assignee.",
  })
  @ApiJson(200, AssetPageJson, "A page of assets.")
  @ApiProblems(401, 403, 422, 429)
  async listAssets(
    @CurrentApiKey() caller: ApiKeyCaller,
    @Query() query: AssetListQuery,
  ): Promise<AssetPageJson> {
    const filters = {
      q: query.q,
      category: query.category,
      location: query.location,
      status: query.status,
      assignee_id: query.assignee_id,
    };
    const signer = await this.cursors.cursors();
    const context = cursorContext(caller.tenantId, { resource: "assets", ...filters });
    const cursor = query.cursor ? signer.open(query.cursor, context) : undefined;
    const page = await this.assets.list(caller.tenantId, { ...filters, limit: query.limit, cursor });
    return { data: page.data.map(assetJson), next_cursor: signer.sign(page.next_cursor, context) };
  }
}
