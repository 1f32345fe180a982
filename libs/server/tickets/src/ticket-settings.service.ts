import { Injectable } from "@nestjs/common";
import { DEFAULT_PREFIX, prefixProblem } from "@uslimato/domain";
import { invalidField } from "@uslimato/server-core";
import { ItsmSettings, inTenant } from "@uslimato/server-data";
import { DataSource, type EntityManager } from "typeorm";

export interface ItsmSettingsView {
  ticketPrefix: string;
  autoCloseDays: number;
  /** The ITSM queue address for ticket.created mails; null: every agent is mailed. */
  queueEmail: string | null;
}

export interface ItsmSettingsPatch {
  ticketPrefix?: string | undefined;
  autoCloseDays?: number | undefined;
  /** null clears it. */
  queueEmail?: string | null | undefined;
}

/** Settings → ITSM: the ticket prefix, the auto-close days and the queue address of a tenant. */
@Injectable()
export class TicketSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  getItsmSettings(tenantId: string): Promise<ItsmSettingsView> {
    return inTenant(this.dataSource, tenantId, (em) => this.read(em, tenantId), { readOnly: true });
  }

  /** A new prefix applies to new tickets only; the counter continues. */
  async updateItsmSettings(tenantId: string, patch: ItsmSettingsPatch): Promise<ItsmSettingsView> {
    if (patch.ticketPrefix !== undefined) {
      const problem = prefixProblem(patch.ticketPrefix);
      if (problem) throw invalidField("ticketPrefix", `Ticket prefix ${problem}`);
    }
    if (
      patch.autoCloseDays !== undefined &&
      (!Number.isInteger(patch.autoCloseDays) || patch.autoCloseDays < 1 || patch.autoCloseDays > 365)
    ) {
      throw invalidField("autoCloseDays", "must be a whole number of days between 1 and 365.");
    }
    return inTenant(this.dataSource, tenantId, async (em) => {
      // Only the fields sent are written (an upsert overwrites the columns it is given).
      await em.getRepository(ItsmSettings).upsert(
        {
          tenantId,
          ...(patch.ticketPrefix !== undefined ? { ticketPrefix: patch.ticketPrefix } : {}),
          ...(patch.autoCloseDays !== undefined ? { autoCloseDays: patch.autoCloseDays } : {}),
          ...(patch.queueEmail !== undefined ? { queueEmail: patch.queueEmail?.trim() || null } : {}),
          updatedAt: new Date(),
        },
        { conflictPaths: ["tenantId"] },
      );
      return this.read(em, tenantId);
    });
  }

  private async read(em: EntityManager, tenantId: string): Promise<ItsmSettingsView> {
    const row = await em.getRepository(ItsmSettings).findOne({
      select: { ticketPrefix: true, autoCloseDays: true, queueEmail: true },
      where: { tenantId },
    });
    return {
      ticketPrefix: row?.ticketPrefix ?? DEFAULT_PREFIX,
      autoCloseDays: row?.autoCloseDays ?? 7,
      queueEmail: row?.queueEmail ?? null,
    };
  }
}
