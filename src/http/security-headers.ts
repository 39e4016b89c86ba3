import { secureHeaders } from 'hono/secure-headers'

/**
 * Security headers with an explicit Content-Security-Policy: pages load one local stylesheet,
 * run no script, post forms only to this site and cannot be framed.
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'same-site',
  })
}
