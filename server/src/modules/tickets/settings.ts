import { type Db, inTenant } from "../../db/database.ts";
import { invalidField } from "../../http/errors.ts";
import { DEFAULT_PREFIX, prefixProblem } from "./numbering.ts";

export interface ItsmSettings {
  ticketPrefix: string;
  autoCloseDays: number;
}

export async function getItsmSettings(db: Db, tenantId: string): Promise<ItsmSettings> {
  const row = await inTenant(db, tenantId, (tx) =>
    tx.selectFrom("itsm_settings").select(["ticket_prefix", "auto_close_days"]).executeTakeFirst(),
  );
  return { ticketPrefix: row?.ticket_prefix ?? DEFAULT_PREFIX, autoCloseDays: row?.auto_close_days ?? 7 };
}

/** Settings → ITSM. A new prefix applies to new tickets only; the counter continues. */
export async function updateItsmSettings(
  db: Db,
  tenantId: string,
  patch: { ticketPrefix?: string | undefined; autoCloseDays?: number | undefined },
): Promise<ItsmSettings> {
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
  await inTenant(db, tenantId, async (tx) => {
    const values = {
      ...(patch.ticketPrefix !== undefined ? { ticket_prefix: patch.ticketPrefix } : {}),
      ...(patch.autoCloseDays !== undefined ? { auto_close_days: patch.autoCloseDays } : {}),
      updated_at: new Date(),
    };
    await tx
      .insertInto("itsm_settings")
      .values({ tenant_id: tenantId, ...values })
      .onConflict((oc) => oc.column("tenant_id").doUpdateSet(values))
      .execute();
  });
  return getItsmSettings(db, tenantId);
}
