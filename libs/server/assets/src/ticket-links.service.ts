import { Injectable } from "@nestjs/common";
import { featureEnabled } from "@uslimato/domain";
import { invalidField, type UserContext } from "@uslimato/server-core";
import { inTenant, Ticket } from "@uslimato/server-data";
import {
  assertMayChange,
  linkHistory,
  loadTicket,
  recordHistory,
  showLinks,
  type TicketView,
  toView,
} from "@uslimato/server-tickets";
import { DataSource } from "typeorm";

/** A ticket's link to one movement of its asset (`movement_link`). */
@Injectable()
export class TicketLinksService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Link the ticket to `movementId` (one of its asset's moves) or unlink it (null). A movement of another
   * asset is a 422 and nothing changes; a closed or cancelled ticket is final (409). The change is a
   * history entry. With asset_integration off the ticket's asset is hidden, so there is nothing to link.
   */
  async setMovement(user: UserContext, idOrNumber: string, movementId: string | null): Promise<TicketView> {
    return inTenant(this.dataSource, user.tenantId, async (em) => {
      const row = await loadTicket(em, user, idOrNumber, true);
      assertMayChange(row, user, {});
      if (row.movement_id === movementId) return showLinks(toView(row), user.license);
      const assetId = featureEnabled(user.license, "asset_integration") ? row.asset_id : null;
      if (movementId) {
        if (!assetId) throw invalidField("movement_id", "cannot be linked: the ticket has no asset.");
        const rows: { asset_id: string }[] = await em.query(
          "select asset_id from asset_movements where id = $1",
          [movementId],
        );
        if (rows[0]?.asset_id !== assetId) {
          throw invalidField("movement_id", "is not a movement of this ticket's asset.");
        }
      }
      await em
        .createQueryBuilder()
        .update(Ticket)
        .set({ movementId, updatedAt: new Date() })
        .where({ tenantId: user.tenantId, id: row.id })
        .execute();
      const after = await loadTicket(em, user, row.id);
      await recordHistory(em, user, user.tenantId, row.id, linkHistory(toView(row), toView(after)));
      return showLinks(toView(after), user.license);
    });
  }
}
