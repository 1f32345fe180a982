import { Injectable } from "@nestjs/common";
import { inTenant, TicketHistoryEntry, User } from "@uslimato/server-data";
import { DataSource, In, type Repository } from "typeorm";
import { loadTicket } from "./ticket-query.ts";
import { type Actor, isAgent } from "./ticket-view.ts";

export interface HistoryView {
  id: string;
  kind: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  internal: boolean;
  actor: { id: string; name: string } | null;
  created_at: Date;
}

interface HistoryRow extends Omit<HistoryView, "actor"> {
  actor_id: string | null;
  actor_name: string | null;
}

/** The ticket's history (written by the services that change tickets, read here). */
@Injectable()
export class TicketHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  /** The ticket's history in order; a reporter never sees internal entries. Assignee ids are shown as names. */
  async listHistory(actor: Actor, idOrNumber: string): Promise<HistoryView[]> {
    return inTenant(
      this.dataSource,
      actor.tenantId,
      async (em) => {
        const row = await loadTicket(em, actor, idOrNumber);
        const q = em
          .createQueryBuilder(TicketHistoryEntry, "h")
          .leftJoin(User, "u", "u.tenantId = h.tenantId and u.id = h.actorId")
          .select("h.id", "id")
          .addSelect("h.kind", "kind")
          .addSelect("h.field", "field")
          .addSelect("h.oldValue", "old_value")
          .addSelect("h.newValue", "new_value")
          .addSelect("h.internal", "internal")
          .addSelect("h.createdAt", "created_at")
          .addSelect("u.id", "actor_id")
          .addSelect("u.name", "actor_name")
          .where("h.ticketId = :ticketId", { ticketId: row.id })
          .orderBy("h.seq");
        if (!isAgent(actor)) q.andWhere("h.internal = false");
        const entries = await q.getRawMany<HistoryRow>();
        const names = await this.assigneeNames(em.getRepository(User), entries);
        const show = (kind: string, v: string | null) => (kind === "assignee" && v ? (names.get(v) ?? v) : v);
        return entries.map((e) => ({
          id: e.id,
          kind: e.kind,
          field: e.field,
          old_value: show(e.kind, e.old_value),
          new_value: show(e.kind, e.new_value),
          internal: e.internal,
          actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? "" } : null,
          created_at: e.created_at,
        }));
      },
      { readOnly: true },
    );
  }

  /** Names of the users that assignee entries name by id. */
  private async assigneeNames(users: Repository<User>, entries: HistoryRow[]): Promise<Map<string, string>> {
    const ids = [
      ...new Set(
        entries
          .filter((e) => e.kind === "assignee")
          .flatMap((e) => [e.old_value, e.new_value])
          .filter((v): v is string => !!v),
      ),
    ];
    if (ids.length === 0) return new Map();
    const found = await users.find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(found.map((u) => [u.id, u.name]));
  }
}
