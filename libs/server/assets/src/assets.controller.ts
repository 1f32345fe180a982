import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from "@nestjs/common";
import { Access, CurrentUser, type UserContext, UuidParams } from "@uslimato/server-core";
import { PeopleQueryDto, PeopleService } from "@uslimato/server-tickets";
import { AssetsService } from "./assets.service.ts";
import {
  AssetListQueryDto,
  CreateAssetDto,
  LinkMovementDto,
  RecordMovementDto,
  TicketRefParams,
  UpdateAssetDto,
} from "./dto/assets.dto.ts";
import { TicketLinksService } from "./ticket-links.service.ts";

const READ = { kind: "user", permissions: ["assets:read"] } as const;
const MANAGE = { kind: "user", permissions: ["assets:read", "assets:manage"] } as const;

/** Assets (a platform feature: no ITSM license needed), their movements and their tickets. */
@Controller("api/assets")
export class AssetsController {
  constructor(
    private readonly assets: AssetsService,
    private readonly people: PeopleService,
  ) {}

  @Get()
  @Access(READ)
  list(@CurrentUser() user: UserContext, @Query() query: AssetListQueryDto) {
    return this.assets.list(user.tenantId, query);
  }

  /** The list's filter choices: the categories and locations the tenant's assets use. */
  @Get("facets")
  @Access(READ)
  facets(@CurrentUser() user: UserContext) {
    return this.assets.facets(user.tenantId);
  }

  /** People to assign an asset or a move to (active users of the tenant, by name or email). */
  @Get("people")
  @Access(MANAGE)
  findPeople(@CurrentUser() user: UserContext, @Query() query: PeopleQueryDto) {
    return this.people.people(user.tenantId, query.q);
  }

  @Post()
  @HttpCode(201)
  @Access(MANAGE)
  create(@CurrentUser() user: UserContext, @Body() body: CreateAssetDto) {
    return this.assets.create(user, body);
  }

  @Get(":id")
  @Access(READ)
  get(@CurrentUser() user: UserContext, @Param() params: UuidParams) {
    return this.assets.get(user.tenantId, params.id);
  }

  @Patch(":id")
  @Access(MANAGE)
  update(@CurrentUser() user: UserContext, @Param() params: UuidParams, @Body() body: UpdateAssetDto) {
    return this.assets.update(user, params.id, body);
  }

  @Delete(":id")
  @HttpCode(204)
  @Access(MANAGE)
  async remove(@CurrentUser() user: UserContext, @Param() params: UuidParams): Promise<void> {
    await this.assets.delete(user, user.license, params.id);
  }

  @Get(":id/movements")
  @Access(READ)
  movements(@CurrentUser() user: UserContext, @Param() params: UuidParams) {
    return this.assets.movements(user.tenantId, user.license, params.id);
  }

  @Post(":id/movements")
  @HttpCode(201)
  @Access(MANAGE)
  recordMovement(
    @CurrentUser() user: UserContext,
    @Param() params: UuidParams,
    @Body() body: RecordMovementDto,
  ) {
    return this.assets.recordMovement(user, user.license, params.id, body);
  }

  /**
   * The "Tickets" tab: ITSM licensed (else 404) and asset_integration on (else 403 naming it). Titles only
   * of the tickets the viewer may read.
   */
  @Get(":id/tickets")
  @Access({ ...READ, feature: "asset_integration" })
  tickets(@CurrentUser() user: UserContext, @Param() params: UuidParams) {
    return this.assets.tickets(user, params.id);
  }
}

/** A ticket's movement link (agent portal): movement_link on, tickets:manage. */
@Controller()
export class TicketLinksController {
  constructor(private readonly links: TicketLinksService) {}

  @Put("api/tickets/:id/movement")
  @Access({ kind: "user", feature: "movement_link", permissions: ["tickets:manage"] })
  setMovement(
    @CurrentUser() user: UserContext,
    @Param() params: TicketRefParams,
    @Body() body: LinkMovementDto,
  ) {
    return this.links.setMovement(user, params.id, body.movement_id);
  }
}
