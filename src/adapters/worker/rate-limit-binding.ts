import type { RateLimit } from '@cloudflare/workers-types'
import type { RequestLimiter } from '../../rate-limit/request-limiter'

/**
 * The checker's limit through the Workers Rate Limiting binding ([[ratelimits]] in
 * wrangler.toml): counted in Cloudflare's memory at each location, with no D1 write per
 * check. The binding only says yes or no, so a refusal asks the client to wait one period.
 */
export function rateLimitBinding(binding: RateLimit, periodSeconds: number): RequestLimiter {
  return {
    async limit(key) {
      const { success } = await binding.limit({ key })
      return success
        ? { allowed: true, retryAfterSeconds: 0 }
        : { allowed: false, retryAfterSeconds: periodSeconds }
    },
  }
}
