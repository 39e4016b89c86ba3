import { type Context, Hono } from 'hono'
import { createApp } from '../app'
import type { Catalog } from '../core/catalog'
import { clientError, wantsJson } from '../http/errors'
import { SECURITY_HEADERS } from '../http/security-headers'
import type { Mailer } from '../mail/mailer'
import type { SubscriptionStores } from '../store/sql-stores'

/** What the preview needs: the catalog with its drafts, and a database it may throw away. */
export interface PreviewDeps {
  /** Built with `{ drafts: 'preview' }`. */
  catalog: Catalog
  publicUrl: string
  /** A throwaway database (the preview CLI opens SQLite in memory), never the site's. */
  stores: SubscriptionStores
  /** Never used; passed so a test can prove it. Defaults to one that refuses. */
  mailer?: Mailer
  clientIp: (c: Context) => string | null
  logError?: (error: unknown) => void
}

const BANNER =
  '<aside class="preview-banner" aria-label="Förhandsvisning"><p class="wrap">' +
  '<strong>Förhandsvisning</strong> – inte den publicerade webbplatsen. Utkast visas och är ' +
  'märkta ”Utkast”. Här skickas aldrig e-post och inga prenumerationer tas emot.</p></aside>'
const NOINDEX = '<meta name="robots" content="noindex"/>'

/** A mailer that refuses: the preview has no reason to send mail, ever. */
const refusingMailer: Mailer = {
  async send() {
    throw new Error('the preview never sends mail')
  },
  async close() {},
}

/** A page of the site marked as the preview: banner, title, noindex. */
function markedPage(html: string): string {
  let page = html
    .replace('<body>', `<body>${BANNER}`)
    .replace('<title>', '<title>Förhandsvisning: ')
  if (!page.includes('<meta name="robots"')) page = page.replace('<head>', `<head>${NOINDEX}`)
  return page
}

/** Subscriptions, confirmations and unsubscribing: routes the preview refuses outright. */
const MAIL_ROUTES = ['/subscribe', '/api/subscriptions', '/confirm', '/unsubscribe']

/**
 * The site as `npm run preview` serves it: the same app over a catalog that includes the
 * drafts (marked "Utkast" by the templates), with every page under a banner that says it
 * is a preview, `noindex` and `X-Robots-Tag`, nothing cached, crawlers turned away, and no
 * mail: subscription routes answer 403, the outbox is never drained, no digest is
 * scheduled, and the mailer refuses.
 */
export function createPreviewApp(deps: PreviewDeps) {
  const site = createApp({
    catalog: deps.catalog,
    publicUrl: deps.publicUrl,
    stores: deps.stores,
    mailer: deps.mailer ?? refusingMailer,
    drainOutbox: async () => {},
    clientIp: deps.clientIp,
    logError: deps.logError,
    mailHealth: { problem: 'preview: no mail is sent', refusesSubscriptions: true },
  })
  const refuse = (c: Context) =>
    clientError(
      c,
      403,
      wantsJson(c)
        ? 'the preview takes no subscriptions and sends no mail'
        : 'Förhandsvisningen tar inte emot prenumerationer och skickar aldrig e-post.',
      'Inte i förhandsvisningen',
    )
  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    const headers = new Headers(c.res.headers)
    headers.set('X-Robots-Tag', 'noindex, nofollow')
    headers.set('Cache-Control', 'no-store')
    headers.delete('ETag')
    const original = c.res
    const html = (headers.get('Content-Type') ?? '').startsWith('text/html')
    if (html) headers.delete('Content-Length')
    const body = html ? markedPage(await original.text()) : original.body
    // Hono's setter copies the old response's headers onto the new one; clear it first.
    c.res = undefined
    c.res = new Response(body, { status: original.status, headers })
  })
  for (const path of MAIL_ROUTES) app.all(path, refuse)
  app.get('/robots.txt', (c) =>
    c.text('User-agent: *\nDisallow: /\n', 200, {
      ...SECURITY_HEADERS,
      'Cache-Control': 'no-store',
    }),
  )
  // Handed over whole (not mounted), so the site's own 404 and 405 answers apply.
  app.all('*', (c) => site.fetch(c.req.raw, c.env))
  return app
}
