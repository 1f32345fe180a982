import { Controller, Get, Query, Res } from "@nestjs/common";
import { ApiExcludeController } from "@nestjs/swagger";
import { Access } from "@uslimato/server-core";
import type { FastifyReply } from "fastify";
import { USAGE_COLUMNS } from "./api-keys.controller.ts";
import { UsageDaysQuery } from "./dto/api-keys.dto.ts";
import { toCsv } from "./metering.ts";
import { type OperatorUsageRow, UsageService } from "./usage.service.ts";

/** The operator's view of every tenant's Public API usage, as JSON or CSV. */
@Controller("api/operator")
@ApiExcludeController()
@Access({ kind: "operator" })
export class ApiUsageOperatorController {
  constructor(private readonly usage: UsageService) {}

  @Get("api-usage")
  rows(@Query() query: UsageDaysQuery): Promise<OperatorUsageRow[]> {
    return this.usage.unsafeAllUsage(query.days);
  }

  @Get("api-usage.csv")
  async csv(
    @Query() query: UsageDaysQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const rows = await this.usage.unsafeAllUsage(query.days);
    reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", 'attachment; filename="api-usage-all-tenants.csv"');
    return toCsv(rows, ["day", "tenant_slug", ...USAGE_COLUMNS.slice(1)]);
  }
}
