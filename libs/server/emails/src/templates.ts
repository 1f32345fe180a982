import type { TicketEventName } from "@uslimato/domain";
import Mustache from "mustache";
import { type MailView, placeholdersFor } from "./placeholders.ts";

/** One event's email: the subject line, the HTML part and the plain-text part (mustache each). */
export interface TemplateParts {
  subject: string;
  html: string;
  text: string;
}
export type TemplatePart = keyof TemplateParts;

/** The longest template part stored (characters): a mail, not a document store. */
export const TEMPLATE_LIMITS: Record<TemplatePart, number> = { subject: 500, html: 100_000, text: 100_000 };

export interface TemplateProblem {
  field: TemplatePart;
  message: string;
  /** "too_large" is answered with 413, anything else with 422. */
  kind: "too_large" | "invalid";
}

type Tokens = ReturnType<typeof Mustache.parse>;

// A private writer without a template cache: the default one keeps every template it ever parsed, and
// tenants' templates would pile up in a long-running worker.
const writer = new Mustache.Writer();
(writer as { templateCache?: unknown }).templateCache = undefined;

/**
 * Everything wrong with a template for `event`, per part (empty: it may be saved). Only the event's
 * placeholders, as values or as sections ({{#assignee_name}}…{{/assignee_name}}); no partials, no
 * delimiter changes; balanced braces and sections; in the HTML part no unescaped values ({{{x}}},
 * {{&x}}), so that every value is HTML-escaped there.
 */
export function templateProblems(event: TicketEventName, parts: TemplateParts): TemplateProblem[] {
  const allowed = placeholdersFor(event) as string[];
  const problems: TemplateProblem[] = [];
  for (const field of ["subject", "html", "text"] as const) {
    const source = parts[field];
    if (source.length > TEMPLATE_LIMITS[field]) {
      problems.push({
        field,
        kind: "too_large",
        message: `must be at most ${TEMPLATE_LIMITS[field].toLocaleString("en")} characters`,
      });
      continue;
    }
    if (!source.trim()) {
      problems.push({ field, kind: "invalid", message: "is required" });
      continue;
    }
    let tokens: Tokens;
    try {
      tokens = writer.parse(source);
    } catch (err) {
      // mustache says "Unclosed tag at 12", "Unclosed section \"x\" at 3", "Unopened section …".
      problems.push({
        field,
        kind: "invalid",
        message: `has unbalanced braces or sections (${(err as Error).message})`,
      });
      continue;
    }
    const message = tokenProblem(tokens, allowed, field);
    if (message) problems.push({ field, kind: "invalid", message });
  }
  return problems;
}

function tokenProblem(tokens: Tokens, allowed: string[], field: TemplatePart): string | null {
  for (const token of tokens) {
    const type: string = token[0];
    const value: string = token[1];
    if (type === "text") {
      // mustache leaves a stray "}}" as text; "{{" would have opened a tag.
      if (value.includes("}}")) return 'has unbalanced braces (a "}}" without its "{{")';
      continue;
    }
    if (type === "!") continue;
    if (type === ">") return `uses a partial ({{> ${value}}}); partials are not supported`;
    if (type === "=") return "changes the delimiters ({{= =}}); that is not supported";
    if (!allowed.includes(value)) {
      return `uses the unknown placeholder {{${value}}}; allowed are ${allowed.map((p) => `{{${p}}}`).join(", ")}`;
    }
    if (type === "&" && field === "html") {
      return `shows {{${value}}} without HTML escaping ({{{${value}}}} or {{&${value}}}); use {{${value}}}`;
    }
    const children = (token as unknown[])[4];
    if ((type === "#" || type === "^") && Array.isArray(children)) {
      const inner = tokenProblem(children as Tokens, allowed, field);
      if (inner) return inner;
    }
  }
  return null;
}

/**
 * Render a template (already valid: templateProblems() passed when it was saved, and the built-in ones
 * are tested). Values are HTML-escaped in the HTML part only; the subject is made one clean line.
 */
export function renderTemplate(parts: TemplateParts, view: MailView): TemplateParts {
  // A view without a prototype: a name can only ever find a placeholder value.
  const values = Object.assign(Object.create(null) as Record<string, string>, view);
  const raw = { escape: (value: unknown) => String(value) };
  return {
    subject: singleLine(writer.render(parts.subject, values, undefined, raw)),
    html: writer.render(parts.html, values, undefined, { escape: escapeHtml }),
    text: writer.render(parts.text, values, undefined, raw),
  };
}

/** The longest subject sent; mail clients show far less, and RFC 5322 lines stay short. */
export const SUBJECT_MAX = 250;

/**
 * A header-safe subject: CR, LF and every other control character (and Unicode line/paragraph
 * separators) become a space, so a ticket title can never start a header of its own.
 */
export function singleLine(value: string): string {
  const line = value
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
  const cut = line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1).trimEnd()}…` : line;
  return cut || "(no subject)";
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
  "=": "&#61;",
};

/** Text as HTML text or attribute value (quoted). */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c] as string);
}
