import { Body, Controller, Get, Patch } from "@nestjs/common";
import { Access, CurrentUser, type UserContext } from "@uslimato/server-core";
import { ItsmSettingsPatchDto } from "./dto/itsm-settings.dto.ts";
import { TicketSettingsService } from "./ticket-settings.service.ts";

/** Settings → ITSM (ticket prefix, auto-close days). Exists only while the ITSM license is active. */
@Controller()
@Access({ kind: "user", itsm: true, permissions: ["settings:manage"] })
export class ItsmSettingsController {
  constructor(private readonly settings: TicketSettingsService) {}

  @Get("api/settings/itsm")
  get(@CurrentUser() user: UserContext) {
    return this.settings.getItsmSettings(user.tenantId);
  }

  @Patch("api/settings/itsm")
  update(@CurrentUser() user: UserContext, @Body() body: ItsmSettingsPatchDto) {
    return this.settings.updateItsmSettings(user.tenantId, body);
  }
}
