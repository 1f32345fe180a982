import { Module } from "@nestjs/common";
import { AutoCloseService } from "./auto-close.service.ts";
import { CommentsService } from "./comments.service.ts";
import { DeskController } from "./desk.controller.ts";
import { DeskService } from "./desk.service.ts";
import { ItsmSettingsController } from "./itsm-settings.controller.ts";
import { PeopleService } from "./people.service.ts";
import { QueueService } from "./queue.service.ts";
import { TicketChangeFeed } from "./ticket-change-feed.ts";
import { TicketHistoryService } from "./ticket-history.service.ts";
import { TicketSettingsService } from "./ticket-settings.service.ts";
import { TicketsController } from "./tickets.controller.ts";
import { TicketsService } from "./tickets.service.ts";

const SERVICES = [
  TicketsService,
  CommentsService,
  TicketHistoryService,
  QueueService,
  PeopleService,
  TicketSettingsService,
  AutoCloseService,
  TicketChangeFeed,
  DeskService,
];

/**
 * The ITSM tickets: the agent portal's API (/api/tickets), the desk portal's (/api/desk), Settings → ITSM,
 * and the services the Public API and the scheduler (auto-close) call.
 */
@Module({
  controllers: [TicketsController, DeskController, ItsmSettingsController],
  providers: SERVICES,
  exports: SERVICES,
})
export class TicketsModule {}
