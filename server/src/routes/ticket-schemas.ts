import { z } from "zod";
import { STATUSES } from "../modules/tickets/ticket-status.ts";

/** Ticket request schemas shared by the web API (/api/tickets) and the Public API (/public/v1/tickets). */
export const ticketType = z.enum(["incident", "service_request"]);
export const priority = z.enum(["low", "medium", "high", "critical"]);
export const status = z.enum(STATUSES);
/** A text field whose absence reads "is required" rather than zod's "expected string, received undefined". */
const text = () =>
  z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") });

export const title = text().trim().min(1, "is required").max(200, "must be at most 200 characters");
export const description = text().max(20_000, "must be at most 20,000 characters");
export const commentBody = text()
  .trim()
  .min(1, "is required")
  .max(20_000, "must be at most 20,000 characters");
export const visibility = z.enum(["external", "internal"]);
export const ticketIdParam = z.object({ id: z.string().min(1).max(60) });

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(200)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(item));

export const queueQuery = z.strictObject({
  status: csv(status).optional(),
  type: ticketType.optional(),
  priority: csv(priority).optional(),
  assignee: z.string().max(254).optional(),
  reporter: z.string().max(254).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(["newest", "oldest"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
});
