import { Injectable } from "@nestjs/common";
import { formatNumber } from "@uslimato/domain";
import { AppError, invalidField } from "@uslimato/server-core";
import { inTenant, ServerSecret, unscoped } from "@uslimato/server-data";
import { asReporter, TicketsService } from "@uslimato/server-tickets";
import { DataSource } from "typeorm";
import { type ActionLinkClaims, type TicketAction, verifyActionLink } from "./action-links.ts";
import { statusLabel } from "./placeholders.ts";

/** The name of the links' HMAC key in server_secrets (created by the migrations, shared by every process). */
export const EMAIL_LINK_SECRET = "email_links";

/**
 * The key that signs confirm/reject links: one random value per installation in server_secrets (a
 * platform table), so the api that checks a link and every worker that signs one agree, in embedded
 * mode and on PostgreSQL alike, with nothing to configure.
 */
export async function unsafeEmailLinkSecret(dataSource: DataSource): Promise<string> {
  const row = await unscoped(dataSource, (em) => em.findOneBy(ServerSecret, { name: EMAIL_LINK_SECRET }), {
    readOnly: true,
  });
  if (!row) throw new Error("server_secrets has no 'email_links' row: the Emails migration did not run");
  return row.value;
}

/** What the confirmation page shows about the ticket. */
export interface ActionTicket {
  number: string;
  title: string;
  status: string;
  statusLabel: string;
}

export interface ActionOutcome {
  action: TicketAction;
  ticket: ActionTicket;
}

interface LinkedTicket {
  number: number;
  prefix: string;
  title: string;
  status: string;
  reporter_id: string;
  reporter_active: boolean;
}

/**
 * The signed confirm/reject links of ticket.resolved mails (product.md §2, "Reporter confirmation"):
 * anyone holding the link acts as the ticket's reporter, only on that ticket, only while it is resolved,
 * only until the link expires. The move itself goes through the desk portal's rule (asReporter +
 * changeTicket), so it is checked, recorded in the history and announced exactly as from the desk.
 */
@Injectable()
export class ActionLinksService {
  private secret: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
  ) {}

  /** The ticket a valid link names, for the page that asks to confirm (GET changes nothing). */
  async describe(token: string): Promise<ActionOutcome> {
    const claims = await this.verify(token);
    const ticket = await this.load(claims);
    return { action: claims.action, ticket: present(ticket) };
  }

  /** Confirm (resolved → closed) or reject with a comment (resolved → in progress). */
  async perform(token: string, comment: string | undefined): Promise<ActionOutcome> {
    const claims = await this.verify(token);
    const ticket = await this.load(claims);
    if (claims.action === "reject" && !comment?.trim()) {
      throw invalidField("comment", "Say what is still not solved.");
    }
    const reporter = asReporter({
      tenantId: claims.tenantId,
      userId: ticket.reporter_id,
      permissions: new Set<string>(),
    });
    const changed =
      claims.action === "confirm"
        ? await this.tickets.changeTicket(reporter, claims.ticketId, { status: "closed" })
        : await this.tickets.changeTicket(reporter, claims.ticketId, {
            status: "in_progress",
            comment: comment?.trim(),
          });
    return {
      action: claims.action,
      ticket: {
        number: changed.number,
        title: changed.title,
        status: changed.status,
        statusLabel: statusLabel(changed.status),
      },
    };
  }

  private async verify(token: string): Promise<ActionLinkClaims> {
    const result = verifyActionLink(token, await this.linkSecret());
    if (result.ok) return result.claims;
    if (result.reason === "expired") {
      throw new AppError(
        "forbidden",
        "This link has expired. Sign in to the service desk to confirm or reject the solution there.",
        { extra: { reason: "expired" } },
      );
    }
    if (result.reason === "forged") {
      throw new AppError("forbidden", "This link is not valid. Use the link from the email as it was sent.", {
        extra: { reason: "forged" },
      });
    }
    throw new AppError("not_found", "This link does not exist. Use the link from the email as it was sent.");
  }

  /**
   * The ticket, its reporter and the license, in the link's tenant. A deactivated license or reporter,
   * or a ticket no longer resolved, stops the link with a clear answer and changes nothing.
   */
  private async load(claims: ActionLinkClaims): Promise<LinkedTicket> {
    const [row] = (await inTenant(
      this.dataSource,
      claims.tenantId,
      (em) =>
        em.query(
          `select t.number, t.prefix, t.title, t.status, t.reporter_id, r.active as reporter_active
           from tickets t
           join users r on r.tenant_id = t.tenant_id and r.id = t.reporter_id
           where t.tenant_id = $1 and t.id = $2
             and exists (select 1 from itsm_licenses l where l.tenant_id = t.tenant_id and l.active)`,
          [claims.tenantId, claims.ticketId],
        ),
      { readOnly: true },
    )) as LinkedTicket[];
    if (!row?.reporter_active) {
      throw new AppError("not_found", "This ticket is no longer available through this link.");
    }
    if (row.status !== "resolved") {
      const number = formatNumber(row.prefix, Number(row.number));
      throw new AppError(
        "invalid_transition",
        `Ticket ${number} is ${statusLabel(row.status).toLowerCase()}, no longer waiting for your answer: nothing was changed.`,
        { extra: { currentStatus: row.status } },
      );
    }
    return row;
  }

  private linkSecret(): Promise<string> {
    this.secret ??= unsafeEmailLinkSecret(this.dataSource);
    this.secret.catch(() => {
      this.secret = undefined; // a failed read is tried again by the next request
    });
    return this.secret;
  }
}

function present(row: LinkedTicket): ActionTicket {
  return {
    number: formatNumber(row.prefix, Number(row.number)),
    title: row.title,
    status: row.status,
    statusLabel: statusLabel(row.status),
  };
}
