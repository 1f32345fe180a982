/** How often a ticket-event job is tried before it ends failed (visible to the operator, who may retry). */
export const JOB_ATTEMPTS = 8;
export const BACKOFF_TYPE = "jittered-exponential";

/**
 * The wait before retry `attemptsMade` (1 = after the first failure): exponential from `baseMs`, capped
 * at `maxMs`, with "full jitter" (uniform in [half, whole] of it) so that the jobs of one SMTP outage do
 * not all come back in the same instant. 8 attempts at base 1 s wait ~1+2+…+64 s ≈ 2 min at most before
 * the job is marked failed; a longer outage leaves failed jobs for the operator to retry.
 */
export function retryDelay(
  attemptsMade: number,
  { baseMs = 1000, maxMs = 60_000, random = Math.random } = {},
): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
