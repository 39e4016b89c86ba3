import type {
  D1Database,
  ExecutionContext,
  ExportedHandler,
  MessageBatch,
  Queue,
  RateLimit,
  ScheduledController,
} from '@cloudflare/workers-types'
import type { SmtpOptions } from './adapters/smtp/smtp-mailer'
import { d1Database } from './adapters/worker/d1-database'
import {
  CONSUMER_CONNECTIONS,
  DIGEST_DEAD_LETTER_QUEUE_NAME,
  digestQueueProducer,
  queuedBatches,
} from './adapters/worker/digest-queue'
import { createLogMailer } from './adapters/worker/log-mailer'
import { rateLimitBinding } from './adapters/worker/rate-limit-binding'
import { type App, createApp } from './app'
import { openSnapshot, SnapshotError } from './core/catalog-snapshot'
import type { DigestBatchMessage } from './core/digest/queue-message'
import { consumeDeadLetters, consumeDigestBatches } from './digest/queue-consumer'
import { type DigestQueue, describeQueueRun, startQueueRun } from './digest/queue-run'
import { describeScheduledDigest, runScheduledDigest } from './digest/scheduled-digest'
import { CATALOG_SNAPSHOT } from './generated/catalog-snapshot'
import { misconfigured } from './http/misconfigured'
import { type Mailer, withMailer } from './mail/mailer'
import { memoryRequestLimiter } from './rate-limit/memory-limiter'
import { CHECK_LIMIT } from './rate-limit/policies'
import { describeError } from './security/redact'
import {
  type DigestQueueSettings,
  parseWorkerSettings,
  type WorkerMail,
} from './settings/worker-settings'
import { type Stores, sqlStores } from './store/sql-stores'
import { describeDrain, drainConfirmationOutbox } from './subscriptions/confirmation-outbox'

/** Bindings and vars from wrangler.toml, and secrets set with `wrangler secret put`. */
export interface Env {
  DB: D1Database
  /** The checker's limit: [[ratelimits]] in wrangler.toml. */
  CHECK_RATE_LIMITER?: RateLimit
  /** The digest's queue: [[queues.producers]] in wrangler.toml. */
  DIGEST_QUEUE?: Queue<DigestBatchMessage>
  PUBLIC_URL?: string
  MAIL_FROM?: string
  SMTP_URL?: string
  CONTACT_EMAIL?: string
  DIGEST_HOUR?: string
  DIGEST_TIMEZONE?: string
  DIGEST_BATCH_SUBSCRIBERS?: string
  DIGEST_RETRY_SECONDS?: string
  DIGEST_FAULT?: string
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
      openMailer: ((connections?: number) => Mailer) | null
      /** Why digests must not run here, or null. */
      digestRefusal: string | null
      /** Where the cron sends the digest's batches (null only when digestRefusal says why). */
      digestQueue: DigestQueue | null
      queueSettings: DigestQueueSettings
      /** Development fault injection (DIGEST_FAULT), shared by this isolate's consumers. */
      afterSend: (() => void) | undefined
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

function mailerFor(mail: WorkerMail): ((connections?: number) => Mailer) | null {
  if (mail.kind === 'off') return null
  if (mail.kind === 'log') return () => createLogMailer(log)
  // Short timeouts: a drain runs in the time the platform grants after the answer.
  return (connections = 2) =>
    smtpMailerOnFirstUse({
      url: mail.url,
      from: mail.from,
      maxConnections: connections,
      timeoutMs: 10_000,
    })
}

/**
 * The SMTP mailer, with nodemailer loaded when the first message is sent: the bundle keeps it
 * (a dynamic import of a bundled module is only evaluated when called), so an isolate that
 * answers pages and checks never evaluates nodemailer's modules in its global scope.
 */
function smtpMailerOnFirstUse(options: SmtpOptions): Mailer {
  let mailer: Promise<Mailer> | undefined
  const open = () =>
    (mailer ??= import('./adapters/smtp/smtp-mailer').then((m) => m.createSmtpMailer(options)))
  return {
    send: async (message) => (await open()).send(message),
    close: async () => {
      if (mailer) await (await mailer).close()
    },
  }
}

function digestRefusalFor(mail: WorkerMail, queue: DigestQueue | null): string | null {
  if (mail.kind === 'off') return mail.problem
  if (mail.kind === 'log')
    return 'SMTP_URL is not set: in development mail goes to the log, and digests do not run, so no cursor moves'
  if (!queue) return 'the DIGEST_QUEUE binding is missing (wrangler.toml [[queues.producers]])'
  return null
}

/** DIGEST_FAULT=throw-after-sends:N: the consumer throws once, after the Nth send of this isolate. */
function faultAfter(sends: number | null): (() => void) | undefined {
  if (sends === null) return undefined
  let count = 0
  return () => {
    if (++count === sends)
      throw new Error(`injected fault (DIGEST_FAULT): the consumer throws after send ${count}`)
  }
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
  if (!env.DIGEST_QUEUE) problems.push('the DIGEST_QUEUE binding is missing: digests do not run')
  for (const problem of problems) console.warn(`settings: ${problem}`)
  if (settings.mail.kind === 'off') console.warn(`mail is off: ${settings.mail.problem}`)

  const stores = sqlStores(d1Database(env.DB))
  const openMailer = mailerFor(settings.mail)
  const digestQueue = env.DIGEST_QUEUE ? digestQueueProducer(env.DIGEST_QUEUE) : null
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
    digestRefusal: digestRefusalFor(settings.mail, digestQueue),
    digestQueue,
    queueSettings: settings.queue,
    afterSend: faultAfter(settings.queue.throwAfterSends),
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
 * (a relay that was down, a drain cut short) over an SMTP transport opened for this
 * invocation and closed before it ends, then opens the digest run if it is due: the run is
 * fanned out to the digest queue, whose consumer sends it. Once an hour it also deletes what
 * the privacy page promises to forget, whatever the digest settings.
 */
async function scheduled(runtime: Extract<Runtime, { ok: true }>, scheduledTime: Date) {
  const { stores, openMailer, digestQueue } = runtime
  if (openMailer)
    await withMailer(openMailer, (mailer) =>
      sendOutbox(stores, runtime.publicUrl, mailer, MAILS_PER_CRON),
    )
  const result = await runScheduledDigest({
    schedule: runtime.schedule,
    store: stores.digest,
    now: scheduledTime,
    refusal: runtime.digestRefusal,
    known: runtime.knownRuns,
    // Without a queue there is always a refusal, so this never runs then.
    run: () =>
      digestQueue
        ? startQueueRun({
            catalog,
            store: stores.digest,
            queueStore: stores.digestQueue,
            queue: digestQueue,
            clock: () => new Date(),
            subscribersPerMessage: runtime.queueSettings.subscribersPerMessage,
          })
        : Promise.reject(new Error('no digest queue')),
  })
  const line = describeScheduledDigest(result, describeQueueRun)
  if (line) log(line)
  if (scheduledTime.getUTCMinutes() < HOUSEKEEPING_WINDOW_MINUTES)
    await stores.housekeeping.sweep(new Date())
}

/**
 * The digest queue's consumer (and its dead-letter queue's). Each invocation opens its own
 * SMTP transport and closes it before it ends: in workerd a socket belongs to the invocation
 * that opened it. Without a transport it sends nothing and lets the queue retry.
 */
async function consumeQueue(runtime: Extract<Runtime, { ok: true }>, batch: MessageBatch<unknown>) {
  const { stores } = runtime
  const messages = queuedBatches(batch)
  const shared = {
    catalog,
    store: stores.digest,
    queueStore: stores.digestQueue,
    publicUrl: runtime.publicUrl,
    clock: () => new Date(),
    log,
  }
  if (batch.queue === DIGEST_DEAD_LETTER_QUEUE_NAME) return consumeDeadLetters(shared, messages)
  const { openMailer } = runtime
  if (!openMailer || runtime.digestRefusal) {
    console.error(`digest queue: not sending: ${runtime.digestRefusal ?? 'no mail transport'}`)
    batch.retryAll({ delaySeconds: 300 })
    return
  }
  await withMailer(
    () => openMailer(CONSUMER_CONNECTIONS),
    (mailer) =>
      consumeDigestBatches(
        {
          ...shared,
          mailer,
          connections: CONSUMER_CONNECTIONS,
          retryBaseSeconds: runtime.queueSettings.retryBaseSeconds,
          logError,
          ...(runtime.afterSend ? { afterSend: runtime.afterSend } : {}),
        },
        messages,
      ),
  )
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

  async queue(batch: MessageBatch<unknown>, env: Env, _ctx: ExecutionContext) {
    const runtime = runtimeFor(env)
    if (!runtime.ok) {
      console.error(`digest queue: not consumed: ${runtime.problem}`)
      batch.retryAll({ delaySeconds: 300 })
      return
    }
    await consumeQueue(runtime, batch)
  },
} satisfies ExportedHandler<Env>
