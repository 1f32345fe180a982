/**
 * Usage metering: every Public API request made with a valid key is counted per key, per UTC day and
 * per status class. Counting is an in-memory increment; a flush about once a second writes one upsert
 * per tenant (and the keys' last_used_at), so the request path never waits on it and 50 concurrent
 * requests of one key do not queue on one row. A crash loses at most the last second of counts.
 */
export interface PendingUsage {
  tenantId: string;
  keyId: string;
  /** UTC date, "YYYY-MM-DD". */
  day: string;
  requests: number;
  s2: number;
  s4: number;
  s5: number;
  lastUsedAt: Date;
}

/** Writes one tenant's counts (one transaction); throws to have them kept for the next flush. */
export type UsageWriter = (tenantId: string, rows: PendingUsage[]) => Promise<void>;

export function statusClass(status: number): "2xx" | "4xx" | "5xx" | "other" {
  if (status >= 200 && status < 300) return "2xx";
  if (status >= 400 && status < 500) return "4xx";
  if (status >= 500) return "5xx";
  return "other";
}

export class UsageMeter {
  private pending = new Map<string, PendingUsage>();
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly writer: UsageWriter;
  private readonly onError: (err: unknown) => void;

  constructor(writer: UsageWriter, onError: (err: unknown) => void, flushEveryMs = 1000) {
    this.writer = writer;
    this.onError = onError;
    this.timer = setInterval(() => void this.flush(), flushEveryMs);
    this.timer.unref();
  }

  count(tenantId: string, keyId: string, status: number, at = new Date()): void {
    const day = at.toISOString().slice(0, 10);
    const id = `${tenantId}|${keyId}|${day}`;
    let p = this.pending.get(id);
    if (!p) {
      p = { tenantId, keyId, day, requests: 0, s2: 0, s4: 0, s5: 0, lastUsedAt: at };
      this.pending.set(id, p);
    }
    p.requests++;
    const cls = statusClass(status);
    if (cls === "2xx") p.s2++;
    else if (cls === "4xx") p.s4++;
    else if (cls === "5xx") p.s5++;
    if (at > p.lastUsedAt) p.lastUsedAt = at;
  }

  /** Write what was counted so far. Flushes never overlap; a failed one keeps its counts for the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const byTenant = new Map<string, PendingUsage[]>();
    for (const p of batch) byTenant.set(p.tenantId, [...(byTenant.get(p.tenantId) ?? []), p]);
    for (const [tenantId, rows] of byTenant) {
      try {
        await this.writer(tenantId, rows);
      } catch (err) {
        for (const p of rows) this.merge(p);
        this.onError(err);
      }
    }
  }

  private merge(p: PendingUsage): void {
    const id = `${p.tenantId}|${p.keyId}|${p.day}`;
    const q = this.pending.get(id);
    if (!q) return void this.pending.set(id, p);
    q.requests += p.requests;
    q.s2 += p.s2;
    q.s4 += p.s4;
    q.s5 += p.s5;
    if (p.lastUsedAt > q.lastUsedAt) q.lastUsedAt = p.lastUsedAt;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

/** RFC 4180 CSV with a header row; cells that a spreadsheet would run as a formula are neutralised. */
export function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
