/** The answer of a limiter that counts requests per client. */
export interface LimitDecision {
  allowed: boolean
  /** When refused, whole seconds until a request would pass (for Retry-After). */
  retryAfterSeconds: number
}

/**
 * Counts requests per key and says whether one more may pass. The checker's port: on Node an
 * in-memory token bucket, on Workers the Rate Limiting binding. Neither stores anything but
 * the key, never what was pasted.
 */
export interface RequestLimiter {
  limit(key: string): Promise<LimitDecision>
}
