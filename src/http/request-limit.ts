import type { Context, MiddlewareHandler } from 'hono'
import { clientKey } from '../rate-limit/client-key'
import type { RequestLimiter } from '../rate-limit/request-limiter'
import { clientError, wantsJson } from './errors'

/** Refuses a request whose client the platform did not name: counting it in one bucket shared by every such client would let one of them lock out the rest. */
export function unknownClient(c: Context) {
  return clientError(
    c,
    403,
    wantsJson(c)
      ? 'the client address is unknown, so the request cannot be rate-limited; refused'
      : 'Vi kunde inte avgöra varifrån förfrågan kom, så den togs inte emot.',
    'Förfrågan togs inte emot',
  )
}

/**
 * Limits a route per client (an IPv4 address or an IPv6 /64) before anything else reads the
 * request: the limiter sees the key only, never the body, so nothing pasted is stored or
 * logged. Answers 429 with Retry-After, as JSON under /api and as a page elsewhere.
 */
export function limitPerClient(
  limiter: RequestLimiter,
  clientIp: (c: Context) => string | null,
  pageMessage: string,
): MiddlewareHandler {
  return async (c, next) => {
    const address = clientIp(c)
    const key = address === null ? null : clientKey(address)
    if (key === null) return unknownClient(c)
    const decision = await limiter.limit(key)
    if (decision.allowed) return next()
    c.header('Retry-After', String(decision.retryAfterSeconds))
    return clientError(
      c,
      429,
      wantsJson(c) ? 'too many requests; try again later' : pageMessage,
      'För många försök',
    )
  }
}
