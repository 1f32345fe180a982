import { Injectable } from "@nestjs/common";
import { inTenant, User } from "@uslimato/server-data";
import { DataSource } from "typeorm";
import { whereAgent } from "./agents.ts";
import { containsPattern } from "./people.ts";
import type { PersonRef } from "./ticket-view.ts";

/** The people pickers of the agent portal: assignees (agents) and reporters (anyone active). */
@Injectable()
export class PeopleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Active users holding tickets:manage, by name. */
  agents(tenantId: string): Promise<PersonRef[]> {
    return inTenant(
      this.dataSource,
      tenantId,
      (em) => {
        const q = em
          .createQueryBuilder(User, "u")
          .select("u.id", "id")
          .addSelect("u.name", "name")
          .addSelect("u.email", "email")
          .where("u.active = true");
        return whereAgent(q, "u").orderBy("u.name").getRawMany<PersonRef>();
      },
      { readOnly: true },
    );
  }

  /** Up to 50 active users whose name or email contains `text` (all of them, by name, without it). */
  people(tenantId: string, text: string | undefined): Promise<PersonRef[]> {
    return inTenant(
      this.dataSource,
      tenantId,
      (em) => {
        const q = em
          .createQueryBuilder(User, "u")
          .select("u.id", "id")
          .addSelect("u.name", "name")
          .addSelect("u.email", "email")
          .where("u.active = true")
          .orderBy("u.name")
          .limit(50);
        const pattern = containsPattern(text);
        if (pattern) q.andWhere("(lower(u.name) like :pattern or lower(u.email) like :pattern)", { pattern });
        return q.getRawMany<PersonRef>();
      },
      { readOnly: true },
    );
  }
}
