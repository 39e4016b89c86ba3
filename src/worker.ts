import type {
  D1Database,
  ExecutionContext,
  ExportedHandler,
  RateLimit,
  ScheduledController,
} from '@cloudflare/workers-types'
import { createSmtpMailer } from './adapters/smtp/smtp-mailer'
import { d1Database } from './adapters/worker/d1-database'
import { createLogMailer } from './adapters/worker/log-mailer'
import { rateLimitBinding } from './adapters/worker/rate-limit-binding'
import { type App, createApp } from './app'
import { openSnapshot, SnapshotError } from './core/catalog-snapshot'
import { runDigest } from './digest/run-digest'
import { describeScheduledDigest, runScheduledDigest } from './digest/scheduled-digest'
import { CATALOG_SNAPSHOT } from './generated/catalog-snapshot'
import { misconfigured } from './http/misconfigured'
import { type Mailer, withMailer } from './mail/mailer'
import { memoryRequestLimiter } from './rate-limit/memory-limiter'
import { CHECK_LIMIT } from './rate-limit/policies'
import { describeError } from './security/redact'
import { parseWorkerSettings, type WorkerMail } from './settings/worker-settings'
import { type Stores, sqlStores } from './store/sql-stores'
import { describeDrain, drainConfirmationOutbox } from './subscriptions/confirmation-outbox'

/** Bindings and vars from wrangler.toml, and secrets set with `wrangler secret put`. */
export interface Env {
  DB: D1Database
  /** The checker's limit: [[ratelimits]] in wrangler.toml. */
  CHECK_RATE_LIMITER?: RateLimit
  PUBLIC_URL?: string
  MAIL_FROM?: string
  SMTP_URL?: string
  CONTACT_EMAIL?: string
  DIGEST_HOUR?: string
  DIGEST_TIMEZONE?: string
  ENVIRONMENT?: string
}

/** Confirmation mails one request's drain sends at most; the cron takes the rest. */
const MAILS_PER_REQUEST = 10
/** …and one cron run, every 5 minutes. */
const MAILS_PER_CRON = 500
/** The cron runs every 5 minutes; the one in the first 5 minutes of an hour also sweeps. */
const HOUSEKEEPING_WINDOW_MINUTES = 5

// The records and the checker's index as the build left them (src/core/catalog-snapshot.ts):
// only the snapshot's header is read here, the catalog is decoded when a page first needs it
// and each of the index's lookups when a check first uses it. A snapshot this code cannot use
// stops the isolate at start-up, so a deploy with a forgotten rebuild fails instead of
// serving a wrong index.
const { catalog, contactIndex } = openBundledSnapshot()

function openBundledSnapshot() {
  try {
    return openSnapshot(CATALOG_SNAPSHOT)
  } catch (error) {
    throw error instanceof SnapshotError
      ? new Error(
          `the bundled catalog snapshot cannot be used: ${error.message}. Rebuild it: npm run bundle:records (wrangler's [build] runs it)`,
        )
      : error
  }
}

const log = (line: string) => console.log(line)
const logError = (error: unknown) => console.error(describeError(error))

/** What an isolate builds once from its settings: parsed once, never per request. */
type Runtime =
  | { ok: false; problem: string }
  | {
      ok: true
      app: App
      stores: Stores
      publicUrl: string
      schedule: { hour: number | 'off'; timeZone: string }
      /**
       * Opens a mail transport for one invocation, which closes it before it ends: in workerd
       * a socket belongs to the request or cron that opened it. Null when no mail can go out.
       */
      openMailer: (() => Mailer) | null
      /** Why digests must not run here, or null. */
      digestRefusal: string | null
      /** The latest completed digest run this isolate has read (see runScheduledDigest). */
      knownRuns: { lastCompletedRun: string | null }
    }

const runtimes = new WeakMap<Env, Runtime>()

function runtimeFor(env: Env): Runtime {
  let runtime = runtimes.get(env)
  if (!runtime) {
    runtime = buildRuntime(env)
    runtimes.set(env, runtime)
  }
  return runtime
}

function mailerFor(mail: WorkerMail): (() => Mailer) | null {
  if (mail.kind === 'off') return null
  if (mail.kind === 'log') return () => createLogMailer(log)
  // Short timeouts: a drain runs in the time the platform grants after the answer.
  return () =>
    createSmtpMailer({ url: mail.url, from: mail.from, maxConnections: 2, timeoutMs: 10_000 })
}

function digestRefusalFor(mail: WorkerMail): string | null {
  if (mail.kind === 'off') return mail.problem
  if (mail.kind === 'log')
    return 'SMTP_URL is not set: in development mail goes to the log, and digests do not run, so no cursor moves'
  return null
}

function buildRuntime(env: Env): Runtime {
  const settings = parseWorkerSettings({ ...env })
  if (!settings.ok) {
    console.error(`settings: ${settings.problem}; every request answers 503`)
    return settings
  }
  const problems = [...settings.problems]
  if (!env.CHECK_RATE_LIMITER)
    problems.push('the CHECK_RATE_LIMITER binding is missing: checks are limited per isolate only')
  for (const problem of problems) console.warn(`settings: ${problem}`)
  if (settings.mail.kind === 'off') console.warn(`mail is off: ${settings.mail.problem}`)

  const stores = sqlStores(d1Database(env.DB))
  const openMailer = mailerFor(settings.mail)
  const drainOutbox = async () => {
    if (openMailer)
      await withMailer(openMailer, (mailer) =>
        sendOutbox(stores, settings.publicUrl, mailer, MAILS_PER_REQUEST),
      )
  }
  const app = createApp({
    catalog,
    publicUrl: settings.publicUrl,
    stores,
    clientIp: (c) => c.req.header('cf-connecting-ip') ?? null,
    // A drain per request, run within that request's waitUntil and never shared with
    // another: its SMTP connection is opened and closed inside it. Claims keep concurrent
    // drains off the same mail.
    defer: (c, task) => c.executionCtx.waitUntil(task.catch(logError)),
    drainOutbox,
    logError,
    contactIndex,
    contactEmail: settings.contactEmail,
    checkLimiter: env.CHECK_RATE_LIMITER
      ? rateLimitBinding(env.CHECK_RATE_LIMITER, CHECK_LIMIT.periodMs / 1000)
      : memoryRequestLimiter(CHECK_LIMIT),
    mailHealth: {
      problem: settings.mail.kind === 'off' ? settings.mail.problem : null,
      refusesSubscriptions: settings.mail.kind === 'off',
    },
    settingsProblems: problems,
  })
  return {
    ok: true,
    app,
    stores,
    publicUrl: settings.publicUrl,
    schedule: settings.digest,
    openMailer,
    digestRefusal: digestRefusalFor(settings.mail),
    knownRuns: { lastCompletedRun: null },
  }
}

/** Sends confirmation mail waiting in the outbox, up to `maxMails`, and logs what it did. */
async function sendOutbox(stores: Stores, publicUrl: string, mailer: Mailer, maxMails: number) {
  const counts = await drainConfirmationOutbox({
    outbox: stores.outbox,
    mailer,
    catalog,
    publicUrl,
    clock: () => new Date(),
    maxMails,
    log,
  })
  const line = describeDrain(counts)
  if (line) log(line)
}

/**
 * The cron (every 5 minutes, wrangler.toml): sends confirmation mail still in the outbox
 * (a relay that was down, a drain cut short), then starts the digest if it is due. Both use
 * one SMTP transport opened for this invocation and closed before it ends. Once an hour it
 * also deletes what the privacy page promises to forget, whatever the digest settings.
 */
async function scheduled(runtime: Extract<Runtime, { ok: true }>, scheduledTime: Date) {
  const { stores, openMailer } = runtime
  const digest = (mailer: Mailer | null) =>
    runScheduledDigest({
      schedule: runtime.schedule,
      store: stores.digest,
      now: scheduledTime,
      refusal: runtime.digestRefusal,
      known: runtime.knownRuns,
      // Without a transport there is always a refusal, so this never runs then.
      run: () =>
        mailer
          ? runDigest({
              catalog,
              store: stores.digest,
              mailer,
              publicUrl: runtime.publicUrl,
              clock: () => new Date(),
              concurrency: 2,
              logError,
            })
          : Promise.reject(new Error('no mail transport')),
    })
  const result = openMailer
    ? await withMailer(openMailer, async (mailer) => {
        await sendOutbox(stores, runtime.publicUrl, mailer, MAILS_PER_CRON)
        return digest(mailer)
      })
    : await digest(null)
  const line = describeScheduledDigest(result)
  if (line) log(line)
  if (scheduledTime.getUTCMinutes() < HOUSEKEEPING_WINDOW_MINUTES)
    await stores.housekeeping.sweep(new Date())
}

type WorkerResponse = ReturnType<NonNullable<ExportedHandler<Env>['fetch']>>

export default {
  fetch(request, env, ctx) {
    const runtime = runtimeFor(env)
    // Hono is typed with the DOM's Request/Response, wrangler with workers-types': same objects.
    if (!runtime.ok)
      return misconfigured(
        request as unknown as Request,
        runtime.problem,
      ) as unknown as WorkerResponse
    return runtime.app.fetch(request as unknown as Request, env, ctx) as unknown as WorkerResponse
  },

  async scheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
    const runtime = runtimeFor(env)
    if (!runtime.ok) {
      console.error(`cron skipped: ${runtime.problem}`)
      return
    }
    try {
      await scheduled(runtime, new Date(controller.scheduledTime))
    } catch (error) {
      // Logged without people in it, and failed, so Cloudflare records the cron as failed.
      const line = describeError(error)
      console.error(`cron failed: ${line}`)
      throw new Error(line)
    }
  },
} satisfies ExportedHandler<Env>
