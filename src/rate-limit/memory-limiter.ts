import { gcra, type RatePolicy, retryAfterSeconds } from './gcra'
import type { RequestLimiter } from './request-limiter'

export interface MemoryLimiterOptions {
  clock?: () => number
  /** Buckets kept at most; beyond it the least recently used is forgotten. */
  maxKeys?: number
}

/**
 * Token buckets in this process's memory: right for one Node server, whose clients all reach
 * this process. Bounded: a flood of new addresses forgets the least recently used bucket, so
 * memory and the work per request stay flat (a forgotten bucket is a full one).
 */
export function memoryRequestLimiter(
  policy: RatePolicy,
  options: MemoryLimiterOptions = {},
): RequestLimiter & { size: () => number } {
  const clock = options.clock ?? Date.now
  const maxKeys = options.maxKeys ?? 100_000
  const buckets = new Map<string, number>()
  return {
    async limit(key) {
      const now = clock()
      const tat = buckets.get(key)
      const decision = gcra(tat, now, policy)
      if (!decision.allowed) {
        return { allowed: false, retryAfterSeconds: retryAfterSeconds(decision.retryAfterMs) }
      }
      // Re-inserted at the end, so the Map's first key is the least recently used.
      buckets.delete(key)
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!)
      buckets.set(key, decision.tat)
      return { allowed: true, retryAfterSeconds: 0 }
    },
    size: () => buckets.size,
  }
}
