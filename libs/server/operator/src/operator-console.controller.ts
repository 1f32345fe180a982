import { Body, Controller, Get, HttpCode, Param, Post, Put } from "@nestjs/common";
import { Access } from "@uslimato/server-core";
import { LicenseChangeDto, NewTenantDto, TenantSlugParams } from "./dto/operator.dto.ts";
import { OperatorConsoleService } from "./operator-console.service.ts";

/** The operator console's routes (tenants, licenses, alerts, quota check); operators only. */
@Controller("api/operator")
@Access({ kind: "operator" })
export class OperatorConsoleController {
  constructor(private readonly console: OperatorConsoleService) {}

  @Get("tenants")
  tenants() {
    return this.console.listTenants();
  }

  @Post("tenants")
  @HttpCode(201)
  createTenant(@Body() body: NewTenantDto) {
    return this.console.createTenant(body);
  }

  @Put("tenants/:slug/license")
  setLicense(@Param() params: TenantSlugParams, @Body() body: LicenseChangeDto) {
    return this.console.setLicense(params.slug, body);
  }

  @Get("alerts")
  alerts() {
    return this.console.listAlerts();
  }

  @Post("checks/quotas")
  @HttpCode(200)
  checkQuotas() {
    return this.console.runQuotaCheck();
  }
}
