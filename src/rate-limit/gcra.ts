/**
 * A rate limit as a token bucket: `limit` requests at once, refilled evenly at `limit` per
 * `periodMs` (20 an hour is one every 3 minutes). Unlike counts per clock hour, no moment
 * lets a client through twice: 40 requests across an hour boundary pass 20.
 */
export interface RatePolicy {
  limit: number
  periodMs: number
}

export interface GcraDecision {
  allowed: boolean
  /** The bucket's new state: when it would be full again (ms). Unchanged when refused. */
  tat: number
  /** When refused: how long until the next request would pass (ms); 0 otherwise. */
  retryAfterMs: number
}

/**
 * The generic cell rate algorithm, which keeps a token bucket in one number: the theoretical
 * arrival time `tat` (undefined for a full bucket). The SQL rate limiter runs the same
 * arithmetic in one statement (store/rate-limit-store.ts).
 */
export function gcra(tat: number | undefined, now: number, policy: RatePolicy): GcraDecision {
  const interval = policy.periodMs / policy.limit
  const next = Math.max(tat ?? now, now) + interval
  if (next - now <= policy.periodMs) return { allowed: true, tat: next, retryAfterMs: 0 }
  return { allowed: false, tat: tat ?? now, retryAfterMs: next - policy.periodMs - now }
}

/** Whole seconds for a Retry-After header, at least 1. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}
