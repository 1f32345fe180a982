import { Module } from "@nestjs/common";
import { TicketsModule } from "@uslimato/server-tickets";
import { ActionLinksController } from "./action-links.controller.ts";
import { ActionLinksService } from "./action-links.service.ts";
import { EmailTemplatesController } from "./email-templates.controller.ts";
import { EmailTemplatesService } from "./email-templates.service.ts";
import { ConfiguredMailTransport, MailTransport } from "./mail-transport.ts";

/**
 * What each ticket event's emails say and to whom: Settings → ITSM → Email templates (custom templates,
 * preview, test send), the confirm/reject links of ticket.resolved mails, and the mail transport
 * (SMTP_URL, or .eml files under DATA_DIR/mail). composeEventMails() is a plain function for the
 * notification worker.
 */
@Module({
  imports: [TicketsModule],
  controllers: [EmailTemplatesController, ActionLinksController],
  providers: [
    EmailTemplatesService,
    ActionLinksService,
    { provide: MailTransport, useClass: ConfiguredMailTransport },
  ],
  exports: [MailTransport, EmailTemplatesService, ActionLinksService],
})
export class EmailsModule {}
