import { Injectable } from "@nestjs/common";
import { TICKET_EVENTS, type TicketEventName } from "@uslimato/domain";
import { AppError, type Config, InjectConfig } from "@uslimato/server-core";
import { EmailTemplate, inTenant } from "@uslimato/server-data";
import { DataSource } from "typeorm";
import { BUILTIN_TEMPLATES } from "./builtin-templates.ts";
import { MailTransport } from "./mail-transport.ts";
import { placeholdersFor, sampleView } from "./placeholders.ts";
import { renderTemplate, type TemplateParts, templateProblems } from "./templates.ts";

/** A row of Settings → ITSM → Email templates. */
export interface EmailTemplateView extends TemplateParts {
  event: TicketEventName;
  /** false: the built-in template (no custom one saved). */
  custom: boolean;
  /** The placeholders this event's template may use, without braces. */
  placeholders: string[];
}

/**
 * Refuse a template that templateProblems() finds fault with: 413 when a part is too large, else 422;
 * each with one { field, message } per part, naming the unknown placeholder.
 */
export function assertValidTemplate(event: TicketEventName, parts: TemplateParts): void {
  const problems = templateProblems(event, parts);
  if (problems.length === 0) return;
  const errors = problems.map(({ field, message }) => ({ field, message }));
  const detail = `The ${event} template is not valid: ${errors.map((e) => `${e.field} ${e.message}`).join("; ")}`;
  const code = problems.some((p) => p.kind === "too_large") ? "payload_too_large" : "validation_failed";
  throw new AppError(code, detail, { errors });
}

/** Settings → ITSM → Email templates: list, save, reset, preview, test send. */
@Injectable()
export class EmailTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    @InjectConfig() private readonly config: Config,
  ) {}

  /** The six events, each with its custom template or the built-in one. */
  async list(tenantId: string): Promise<EmailTemplateView[]> {
    const rows = await inTenant(
      this.dataSource,
      tenantId,
      (em) =>
        em.getRepository(EmailTemplate).find({
          select: { event: true, subject: true, html: true, text: true },
          where: { tenantId },
        }),
      { readOnly: true },
    );
    const custom = new Map(rows.map((r) => [r.event, r]));
    return TICKET_EVENTS.map((event) => view(event, custom.get(event) ?? null));
  }

  /** Store (or replace) the tenant's template of `event`, after checking it. */
  async save(
    tenantId: string,
    userId: string,
    event: TicketEventName,
    parts: TemplateParts,
  ): Promise<EmailTemplateView> {
    assertValidTemplate(event, parts);
    const { subject, html, text } = parts;
    await inTenant(this.dataSource, tenantId, (em) =>
      em
        .getRepository(EmailTemplate)
        .upsert(
          { tenantId, event, subject, html, text, updatedBy: userId, updatedAt: new Date() },
          { conflictPaths: ["tenantId", "event"] },
        ),
    );
    return view(event, parts);
  }

  /** Back to the built-in template (deleting what is not there is fine: the outcome is the same). */
  async reset(tenantId: string, event: TicketEventName): Promise<void> {
    await inTenant(this.dataSource, tenantId, (em) =>
      em.getRepository(EmailTemplate).delete({ tenantId, event }),
    );
  }

  /** The template rendered with sample values (not stored). */
  preview(event: TicketEventName, parts: TemplateParts): TemplateParts {
    assertValidTemplate(event, parts);
    return renderTemplate(parts, sampleView(event, this.config.publicUrl));
  }

  /** The preview sent to the signed-in user's own address, so they see it in their mail client. */
  async testSend(
    to: string,
    event: TicketEventName,
    parts: TemplateParts,
  ): Promise<{ to: string; messageId: string }> {
    const rendered = this.preview(event, parts);
    try {
      const { messageId } = await this.transport.send({
        to,
        ...rendered,
        subject: `[Test] ${rendered.subject}`,
      });
      return { to, messageId };
    } catch (err) {
      // The SMTP server's answer helps the admin fix the configuration; it holds no secret.
      throw new AppError("unavailable", `The test mail could not be sent: ${(err as Error).message}`);
    }
  }
}

function view(event: TicketEventName, custom: TemplateParts | null): EmailTemplateView {
  const parts = custom ?? BUILTIN_TEMPLATES[event];
  return {
    event,
    subject: parts.subject,
    html: parts.html,
    text: parts.text,
    custom: custom !== null,
    placeholders: placeholdersFor(event),
  };
}
