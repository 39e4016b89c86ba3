import type { RatePolicy } from './gcra'

/**
 * Checks per client (an IPv4 address or an IPv6 /64): 60 a minute. A person pastes a message
 * now and then; a script does not get to run the checker in a loop. The Worker's Rate Limiting
 * binding in wrangler.toml has the same numbers (a test keeps them in step).
 */
export const CHECK_LIMIT: RatePolicy = { limit: 60, periodMs: 60_000 }
