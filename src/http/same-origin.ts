import type { MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'

/**
 * CSRF protection for form posts: the browser's `Origin` must be the site's public origin
 * (PUBLIC_URL), or the origin the request was addressed to. Behind a TLS-terminating proxy
 * the request reaches us as http://, so comparing with the request alone refused every
 * browser that sends no `Sec-Fetch-Site`; `Sec-Fetch-Site: same-origin` is accepted as well.
 */
export function sameOriginForms(publicUrl: string): MiddlewareHandler {
  const publicOrigin = new URL(publicUrl).origin
  return csrf({
    origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin,
  })
}
