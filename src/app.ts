import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ClientErrorStatusCode } from 'hono/utils/http-status'
import type { RouteDeps } from './app-context'
import type { Catalog } from './core/catalog'
import { buildContactIndex, type ContactIndex } from './core/check/contact-index'
import { createHealth, type MailHealth } from './health/health'
import { RenderCache } from './http/cached-page'
import { clientError, notFound, unavailable, wantsJson } from './http/errors'
import { allowedMethods } from './http/method-not-allowed'
import { limitPerClient } from './http/request-limit'
import { NO_STORE_HEADERS, SECURITY_HEADERS } from './http/security-headers'
import type { Mailer } from './mail/mailer'
import type { RequestLimiter } from './rate-limit/request-limiter'
import { apiAlertRoutes } from './routes/api-alerts'
import { assetRoutes } from './routes/assets'
import { checkRoutes } from './routes/check'
import { crawlerRoutes } from './routes/crawlers'
import { feedRoutes } from './routes/feed'
import { infoPageRoutes } from './routes/info-pages'
import { pageRoutes } from './routes/pages'
import { searchRoutes } from './routes/search'
import { subscriptionRoutes } from './routes/subscriptions'
import { describeError } from './security/redact'
import { isTransientDatabaseError } from './store/retrying-database'
import type { SubscriptionStores } from './store/sql-stores'
import { drainConfirmationOutbox, singleFlight } from './subscriptions/confirmation-outbox'
import { createSubscriptionService } from './subscriptions/subscription-service'

/** Everything the app needs from its runtime; the Node and Worker entries build it. */
export interface AppDeps {
  catalog: Catalog
  /** Absolute base URL for links in the feed, mail and canonical tags; no trailing slash needed. */
  publicUrl: string
  stores: SubscriptionStores
  /**
   * Sends confirmation mail for the default outbox drain. A runtime whose connections must
   * not outlive a request (the Worker) passes `drainOutbox` instead, opening its own.
   */
  mailer?: Mailer
  clock?: () => Date
  /** The client's address for rate limiting, as the platform knows it; null if it does not. */
  clientIp: (c: Context) => string | null
  /** Runs work after the response; defaults to fire-and-forget. */
  defer?: (c: Context, task: Promise<unknown>) => void
  /**
   * Sends the confirmation mail waiting in the outbox; called after each accepted request.
   * Defaults to draining `stores.outbox` through `mailer`, one drain at a time.
   */
  drainOutbox?: () => Promise<unknown>
  /** Called with unexpected errors; the response never reveals them. */
  logError?: (error: unknown) => void
  /** The checker's index, if built ahead (the Worker builds it at start-up, outside any request). */
  contactIndex?: ContactIndex
  /** Where readers report an error in a record (CONTACT_EMAIL), named on /about. */
  contactEmail?: string | undefined
  /** Limits /check, /api/check, /search and /api/lookup per client, in one bucket. None by default (tests, benchmarks). */
  checkLimiter?: RequestLimiter
  /** What /healthz says about mail, and whether subscriptions are refused; fine by default. */
  mailHealth?: MailHealth
  /** Bad settings the runtime fell back from, reported by /healthz. */
  settingsProblems?: readonly string[]
}

/** Builds the whole site: pages, feed, checker, subscriptions, JSON API and health check. */
export function createApp(deps: AppDeps) {
  const logError = deps.logError ?? ((error: unknown) => console.error(describeError(error)))
  const publicUrl = deps.publicUrl.replace(/\/+$/, '')
  const clock = deps.clock ?? (() => new Date())
  const defer = deps.defer ?? ((_c, task) => void task.catch(logError))
  const drainOutbox = deps.drainOutbox ?? defaultDrain(deps, publicUrl, clock)
  const mailHealth = deps.mailHealth ?? { problem: null, refusesSubscriptions: false }
  const health = createHealth({
    schema: deps.stores.schema,
    mail: mailHealth,
    settingsProblems: deps.settingsProblems ?? [],
    // Read when /healthz is asked, so building the app decodes no catalog.
    get alerts() {
      return deps.catalog.alerts.length
    },
  })
  const routeDeps: RouteDeps = {
    catalog: deps.catalog,
    publicUrl,
    cache: new RenderCache(),
    subscriptions: {
      service: createSubscriptionService({ stores: deps.stores, catalog: deps.catalog, clock }),
      clientIp: deps.clientIp,
      mailQueued: (c) => defer(c, drainOutbox()),
      unavailable: async (action) =>
        (action === 'subscribe' && mailHealth.refusesSubscriptions) ||
        (await health.databaseProblem()) !== null,
    },
  }
  // No app-wide middleware: every response is built with SECURITY_HEADERS (see
  // security-headers.ts), which keeps Hono on its single-handler fast path.
  const app = new Hono()
  app.get('/healthz', async (c) => {
    const report = await health.report()
    return c.json(report, report.status === 'unavailable' ? 503 : 200, NO_STORE_HEADERS)
  })
  app.route('/', pageRoutes(routeDeps))
  app.route('/', feedRoutes(routeDeps))
  app.route('/', infoPageRoutes(routeDeps, { contactEmail: deps.contactEmail }))
  app.route('/', crawlerRoutes(routeDeps))
  app.route('/', assetRoutes(routeDeps))
  const contactIndex = deps.contactIndex ?? buildContactIndex(deps.catalog)
  if (deps.checkLimiter) {
    // Registered before the checker's routes, so it runs first and reads nothing but the key.
    const perClient = limitPerClient(
      deps.checkLimiter,
      deps.clientIp,
      'För många kontroller på kort tid. Vänta en minut och försök igen.',
    )
    app.post('/check', perClient)
    app.post('/api/check', perClient)
  }
  app.route('/', checkRoutes(routeDeps, contactIndex))
  // Searches count in the checker's bucket: one limit per client for both.
  const searchLimit =
    deps.checkLimiter &&
    limitPerClient(
      deps.checkLimiter,
      deps.clientIp,
      'För många sökningar på kort tid. Vänta en minut och försök igen.',
    )
  app.route('/', searchRoutes(routeDeps, contactIndex, searchLimit))
  app.route('/', subscriptionRoutes(routeDeps))
  app.route('/api', apiAlertRoutes(routeDeps))
  const methodsOf = allowedMethods(app.routes)
  app.notFound((c) => {
    const allowed = methodsOf(c.req.path)
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '))
      return clientError(
        c,
        405,
        wantsJson(c)
          ? `method ${c.req.method} not allowed; use ${allowed.join(' or ')}`
          : 'Sidan finns, men den kan inte användas på det sättet.',
        'Fel metod',
      )
    }
    return notFound(c, wantsJson(c) ? 'no such endpoint' : 'Vi hittar ingen sida på den adressen.')
  })
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status >= 400 && error.status < 500) {
      // Thrown by middleware such as csrf(): a client problem, answered like every other 4xx.
      const message =
        error.status !== 403
          ? error.message || 'bad request'
          : wantsJson(c)
            ? 'cross-site request refused'
            : 'Formuläret skickades från en annan webbplats. Ladda om sidan och försök igen.'
      return clientError(c, error.status as ClientErrorStatusCode, message)
    }
    if (isTransientDatabaseError(error)) {
      // Retried already (store/retrying-database.ts); the database is away for now.
      return unavailable(
        c,
        wantsJson(c)
          ? 'the service is unavailable right now; try again later'
          : 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
        'Tillfälligt otillgänglig',
        30,
      )
    }
    logError(error)
    return wantsJson(c)
      ? c.json({ error: 'internal error' }, 500, SECURITY_HEADERS)
      : c.text('Ett internt fel uppstod. Försök igen om en stund.', 500, SECURITY_HEADERS)
  })
  return app
}

/** Drains the outbox through `deps.mailer`, one drain at a time. */
function defaultDrain(deps: AppDeps, publicUrl: string, clock: () => Date) {
  const { mailer } = deps
  if (!mailer) throw new Error('createApp needs a mailer or a drainOutbox')
  return singleFlight(() =>
    drainConfirmationOutbox({
      outbox: deps.stores.outbox,
      mailer,
      catalog: deps.catalog,
      publicUrl,
      clock,
    }),
  )
}

export type App = ReturnType<typeof createApp>
