import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from "@nestjs/common";
import { ApiExcludeController } from "@nestjs/swagger";
import { Access, CurrentUser, type UserContext, UuidParams } from "@uslimato/server-core";
import type { FastifyReply } from "fastify";
import { ApiKeysService, type ApiKeyView, type KeyOwnerCandidate } from "./api-keys.service.ts";
import { NewApiKeyBody, UsageDaysQuery } from "./dto/api-keys.dto.ts";
import { toCsv } from "./metering.ts";
import { type UsageRow, UsageService } from "./usage.service.ts";

export const USAGE_COLUMNS = [
  "day",
  "key_id",
  "key_name",
  "requests",
  "status_2xx",
  "status_4xx",
  "status_5xx",
] as const;

/**
 * Settings → API keys (settings:manage): list with last use and usage, create (the secret is in this
 * response only), revoke; usage per key per day as JSON or CSV. Usage counted by this process is
 * flushed before it is read.
 */
@Controller("api/api-keys")
@ApiExcludeController()
@Access({ kind: "user", permissions: ["settings:manage"] })
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly usage: UsageService,
  ) {}

  @Get()
  list(@CurrentUser() user: UserContext): Promise<ApiKeyView[]> {
    return this.keys.listApiKeys(user.tenantId);
  }

  @Get("owners")
  owners(@CurrentUser() user: UserContext): Promise<KeyOwnerCandidate[]> {
    return this.keys.keyOwnerCandidates(user.tenantId);
  }

  @Post()
  @HttpCode(201)
  async create(
    @CurrentUser() user: UserContext,
    @Body() body: NewApiKeyBody,
  ): Promise<ApiKeyView & { secret: string }> {
    const { key, secret } = await this.keys.createApiKey(user.tenantId, {
      name: body.name,
      scopes: body.scopes,
      ownerId: body.owner_id,
      expiresAt: body.expires_at ? new Date(body.expires_at) : undefined,
      createdBy: user.userId,
    });
    return { ...key, secret };
  }

  @Post(":id/revoke")
  @HttpCode(200)
  revoke(@CurrentUser() user: UserContext, @Param() params: UuidParams): Promise<ApiKeyView> {
    return this.keys.revokeApiKey(user.tenantId, params.id);
  }

  @Get("usage")
  usageRows(@CurrentUser() user: UserContext, @Query() query: UsageDaysQuery): Promise<UsageRow[]> {
    return this.usage.tenantUsage(user.tenantId, query.days);
  }

  @Get("usage.csv")
  async usageCsv(
    @CurrentUser() user: UserContext,
    @Query() query: UsageDaysQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const rows = await this.usage.tenantUsage(user.tenantId, query.days);
    reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", 'attachment; filename="api-usage.csv"');
    return toCsv(rows, [...USAGE_COLUMNS]);
  }
}
