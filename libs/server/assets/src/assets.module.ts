import { Module } from "@nestjs/common";
import { TicketsModule } from "@uslimato/server-tickets";
import { AssetsController, TicketLinksController } from "./assets.controller.ts";
import { AssetsService } from "./assets.service.ts";
import { TicketLinksService } from "./ticket-links.service.ts";

/**
 * Assets and asset movements (/api/assets), the asset side of the ITSM integration (an asset's tickets,
 * deletion refused while open tickets refer to it) and a ticket's movement link. The Public API's
 * GET /public/v1/assets and the CLI's demo use AssetsService.
 */
@Module({
  imports: [TicketsModule],
  controllers: [AssetsController, TicketLinksController],
  providers: [AssetsService, TicketLinksService],
  exports: [AssetsService, TicketLinksService],
})
export class AssetsModule {}
