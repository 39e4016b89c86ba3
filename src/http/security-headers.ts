import type { MiddlewareHandler } from 'hono'

/**
 * Sent with every response. The CSP is explicit: pages load one local stylesheet, run no
 * script, post forms only to this site and cannot be framed.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-site',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
}

/** For answers that hold what a reader typed: never stored by any cache. */
export const NO_STORE_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Cache-Control': 'no-store',
}

const complete = new WeakSet<Response>()

/** Marks a response whose headers already include SECURITY_HEADERS (see sendCached). */
export function markSecured(response: Response): Response {
  complete.add(response)
  return response
}

/**
 * Adds SECURITY_HEADERS to every response not built with them already. Not Hono's
 * secureHeaders(): that one edits the finished response's Headers, and on Node doing so
 * for our precomputed pages cost a third of their throughput (see README, Benchmarks).
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    if (complete.has(c.res)) return
    for (const name in SECURITY_HEADERS) c.res.headers.set(name, SECURITY_HEADERS[name]!)
  }
}
