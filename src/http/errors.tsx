import type { Context } from 'hono'
import type { ClientErrorStatusCode } from 'hono/utils/http-status'
import { ErrorPage, NotFoundPage } from '../../templates/not-found-page'
import { NO_STORE_HEADERS, SECURITY_HEADERS } from './security-headers'

/** JSON under /api, HTML for people everywhere else. */
export function wantsJson(c: Context): boolean {
  return new URL(c.req.url).pathname.startsWith('/api/')
}

/** Serializes a page component with its doctype. */
export async function renderHtml(page: { toString(): string | Promise<string> }): Promise<string> {
  return `<!doctype html>${await page.toString()}`
}

export async function notFound(c: Context, message: string): Promise<Response> {
  if (wantsJson(c)) return c.json({ error: message }, 404, SECURITY_HEADERS)
  return c.html(await renderHtml(<NotFoundPage message={message} />), 404, SECURITY_HEADERS)
}

/** A 4xx answer that names the problem, as JSON or as a page. */
export async function clientError(
  c: Context,
  status: ClientErrorStatusCode,
  message: string,
  title = 'Något blev fel',
): Promise<Response> {
  if (wantsJson(c)) return c.json({ error: message }, status, NO_STORE_HEADERS)
  const page = <ErrorPage title={title} message={message} status={status} />
  return c.html(await renderHtml(page), status, NO_STORE_HEADERS)
}

/**
 * 503 with Retry-After: the request was fine, but something it needs is missing right now
 * (the database schema, a mail transport). Never a 500: nothing failed unexpectedly.
 */
export async function unavailable(
  c: Context,
  message: string,
  title: string,
  retryAfterSeconds = 300,
): Promise<Response> {
  const headers = { ...NO_STORE_HEADERS, 'Retry-After': String(retryAfterSeconds) }
  if (wantsJson(c)) return c.json({ error: message }, 503, headers)
  const page = <ErrorPage title={title} message={message} status={503} />
  return c.html(await renderHtml(page), 503, headers)
}
