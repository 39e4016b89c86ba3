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
 * memory and the work per request stay flat (a forgotten bucket is a full one). A bucket that
 * is full again limits nothing and is forgotten: the least recently used ones on each request,
 * all of them when `prune` runs (the Node server calls it every minute), so a client's address
 * is kept no longer than its limit needs it.
 */
export function memoryRequestLimiter(
  policy: RatePolicy,
  options: MemoryLimiterOptions = {},
): RequestLimiter & { size: () => number; prune: () => void } {
  const clock = options.clock ?? Date.now
  const maxKeys = options.maxKeys ?? 100_000
  const buckets = new Map<string, number>()
  /** Forgets full buckets from the least recently used end, stopping at the first live one. */
  const forgetOldestFull = (now: number) => {
    for (const [key, tat] of buckets) {
      if (tat > now) return
      buckets.delete(key)
    }
  }
  return {
    async limit(key) {
      const now = clock()
      forgetOldestFull(now)
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
    prune() {
      const now = clock()
      for (const [key, tat] of buckets) if (tat <= now) buckets.delete(key)
    },
  }
}
