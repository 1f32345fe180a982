import type { Permission } from "./permissions.ts";

/**
 * The ticket state machine (product.md §2): a table of allowed moves and what each needs. Pure; the
 * service calls `checkMove` and the database write guards the current status too.
 */
export const STATUSES = ["open", "in_progress", "resolved", "closed", "cancelled"] as const;
export type Status = (typeof STATUSES)[number];

export const FINAL_STATUSES: ReadonlySet<Status> = new Set(["closed", "cancelled"]);

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

type Move = `${Status}->${Status}`;

/** Agent moves and the permissions each needs (all of them). */
export const AGENT_MOVES: Readonly<Partial<Record<Move, readonly Permission[]>>> = {
  "open->in_progress": ["tickets:manage"],
  "in_progress->resolved": ["tickets:manage", "tickets:close"],
  "resolved->closed": ["tickets:manage", "tickets:close"],
  "resolved->in_progress": ["tickets:manage", "tickets:close"], // reopen
  "open->cancelled": ["tickets:manage"],
  "in_progress->cancelled": ["tickets:manage"],
  "resolved->cancelled": ["tickets:manage"],
};

/** The only moves a reporter may make, on their own resolved ticket: confirm or reject the solution. */
export const REPORTER_MOVES: ReadonlySet<Move> = new Set(["resolved->closed", "resolved->in_progress"]);

export interface MoveActor {
  permissions: ReadonlySet<string>;
  /** The actor reported this ticket. */
  isReporter: boolean;
}

export type MoveCheck =
  | { ok: true; as: "agent" | "reporter" }
  | { ok: false; reason: "not_allowed"; message: string }
  | { ok: false; reason: "forbidden"; message: string };

const LABEL: Record<Status, string> = {
  open: "open",
  in_progress: "in progress",
  resolved: "resolved",
  closed: "closed",
  cancelled: "cancelled",
};

export function checkMove(from: Status, to: Status, actor: MoveActor): MoveCheck {
  const move: Move = `${from}->${to}`;
  const needed = AGENT_MOVES[move];
  if (!needed) {
    const why = FINAL_STATUSES.has(from) ? ` A ${LABEL[from]} ticket is final.` : "";
    return { ok: false, reason: "not_allowed", message: `A ticket cannot move from ${from} to ${to}.${why}` };
  }
  if (needed.every((p) => actor.permissions.has(p))) return { ok: true, as: "agent" };
  if (actor.isReporter && REPORTER_MOVES.has(move)) return { ok: true, as: "reporter" };
  const missing = needed.filter((p) => !actor.permissions.has(p));
  return {
    ok: false,
    reason: "forbidden",
    message: `Moving a ticket from ${from} to ${to} needs the permission ${missing.join(" and ")}.`,
  };
}

/** The statuses this actor may move a ticket to from `from` (what the UI offers). */
export function allowedTargets(from: Status, actor: MoveActor): Status[] {
  return STATUSES.filter((to) => checkMove(from, to, actor).ok);
}
