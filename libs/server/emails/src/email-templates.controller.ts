import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from "@nestjs/common";
import { Access, CurrentUser, type UserContext } from "@uslimato/server-core";
import { EmailTemplateDto, EmailTemplateParams } from "./dto.ts";
import { EmailTemplatesService } from "./email-templates.service.ts";

/**
 * Settings → ITSM → Email templates. Like the rest of Settings → ITSM it needs settings:manage and the
 * ITSM license; the email_templates flag off is a 403 naming the flag.
 */
@Controller()
@Access({ kind: "user", feature: "email_templates", permissions: ["settings:manage"] })
export class EmailTemplatesController {
  constructor(private readonly templates: EmailTemplatesService) {}

  @Get("api/settings/itsm/email-templates")
  list(@CurrentUser() user: UserContext) {
    return this.templates.list(user.tenantId);
  }

  @Put("api/settings/itsm/email-templates/:event")
  save(
    @CurrentUser() user: UserContext,
    @Param() params: EmailTemplateParams,
    @Body() body: EmailTemplateDto,
  ) {
    return this.templates.save(user.tenantId, user.userId, params.event, body);
  }

  @Delete("api/settings/itsm/email-templates/:event")
  @HttpCode(204)
  async reset(@CurrentUser() user: UserContext, @Param() params: EmailTemplateParams): Promise<void> {
    await this.templates.reset(user.tenantId, params.event);
  }

  @Post("api/settings/itsm/email-templates/:event/preview")
  @HttpCode(200)
  preview(@Param() params: EmailTemplateParams, @Body() body: EmailTemplateDto) {
    return this.templates.preview(params.event, body);
  }

  /** Sends the rendered sample to the signed-in user's own address (never to anyone else). */
  @Post("api/settings/itsm/email-templates/:event/test-send")
  @HttpCode(202)
  testSend(
    @CurrentUser() user: UserContext,
    @Param() params: EmailTemplateParams,
    @Body() body: EmailTemplateDto,
  ) {
    return this.templates.testSend(user.email, params.event, body);
  }
}
