import { mkdir } from 'node:fs/promises'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { limitConnectionsPerClient } from './adapters/node/connection-limit'
import { scheduleTicks } from './adapters/node/daily-schedule'
import { clientIpOf, serverOptions } from './adapters/node/http-server'
import { createNodeRuntime } from './adapters/node/node-runtime'
import { watchParent } from './adapters/node/parent-watch'
import { createApp } from './app'
import { InvalidRecordsError } from './core/record-issues'
import { runDigest } from './digest/run-digest'
import { describeScheduledDigest, runScheduledDigest } from './digest/scheduled-digest'
import { memoryRequestLimiter } from './rate-limit/memory-limiter'
import { CHECK_LIMIT } from './rate-limit/policies'
import { describeError } from './security/redact'
import { isLoopbackUrl, parseNodeSettings } from './settings/node-settings'
import {
  describeDrain,
  drainConfirmationOutbox,
  singleFlight,
} from './subscriptions/confirmation-outbox'

/** How often the outbox is looked at for mail whose retry is due. */
const OUTBOX_POLL_MS = 15_000
/** How often what the privacy page promises to forget is deleted (see housekeeping-store.ts). */
const HOUSEKEEPING_MS = 3600_000
/** How often the checker's in-memory limiter forgets clients whose buckets are full again. */
const LIMITER_PRUNE_MS = 60_000
/** After SIGTERM, open requests, a digest's messages in flight and the outbox get this long. */
const SHUTDOWN_GRACE_MS = 10_000

/** The embedded default: the whole site on Node, configured by environment variables. */
async function main() {
  const settings = parseNodeSettings(process.env)
  await mkdir(settings.DATA_DIR, { recursive: true })
  const runtime = await createNodeRuntime(settings)
  const { catalog, stores, mailer } = runtime
  console.log(`Catalog: ${runtime.catalogSource}`)
  await stores.digest.registerAlerts(
    catalog.alerts.map((a) => a.id),
    new Date().toISOString(),
  )

  // Aborted on SIGTERM/SIGINT: the digest and the outbox stop before their next message.
  const stopping = new AbortController()
  // Confirmation mail leaves from the outbox table: after each accepted request, every
  // OUTBOX_POLL_MS for retries, and at start-up for whatever a crash left behind.
  const drainOutbox = singleFlight(async () => {
    const counts = await drainConfirmationOutbox({
      outbox: stores.outbox,
      mailer,
      catalog,
      publicUrl: settings.PUBLIC_URL,
      clock: () => new Date(),
      log: (line) => console.log(line),
      signal: stopping.signal,
    })
    const line = describeDrain(counts)
    if (line) console.log(line)
  })
  // Logged without the people in them: errors here may quote a relay's refusal.
  const logError = (error: unknown) => console.error(describeError(error))
  const pending = new Set<Promise<unknown>>()
  const track = (task: Promise<unknown>) => {
    const tracked = task.catch(logError).finally(() => pending.delete(tracked))
    pending.add(tracked)
  }
  const outboxTimer = setInterval(() => track(drainOutbox()), OUTBOX_POLL_MS)
  outboxTimer.unref()
  // This server is the only drainer of its DATA_DIR: claims left by a crashed one are void.
  await stores.outbox.releaseClaims()
  track(drainOutbox())
  // On its own timer, whatever DIGEST_HOUR says: the privacy page's promises depend on it.
  const housekeeping = scheduleTicks({
    everyMs: HOUSEKEEPING_MS,
    onError: logError,
    task: () => stores.housekeeping.sweep(new Date()),
  })
  // This process is the only one its clients reach, so its memory holds the checker's limit.
  const checkLimiter = memoryRequestLimiter(CHECK_LIMIT)
  const limiterTimer = setInterval(() => checkLimiter.prune(), LIMITER_PRUNE_MS)
  limiterTimer.unref()

  const app = createApp({
    catalog,
    publicUrl: settings.PUBLIC_URL,
    stores,
    mailer,
    clientIp: clientIpOf(settings),
    defer: (_c, task) => track(task),
    drainOutbox,
    logError,
    contactIndex: runtime.contactIndex,
    contactEmail: settings.CONTACT_EMAIL,
    checkLimiter,
    mailHealth: {
      problem: settings.SMTP_URL
        ? null
        : `SMTP_URL is not set: mail is written to ${settings.DATA_DIR}/outbox, not sent`,
      refusesSubscriptions: false,
    },
  })

  const digestRefusal =
    settings.SMTP_URL && isLoopbackUrl(settings.PUBLIC_URL)
      ? `PUBLIC_URL ${settings.PUBLIC_URL} is this machine; set PUBLIC_URL before digests go out over SMTP`
      : null
  // The latest completed run this process has read: once today's is known, ticks are free.
  const knownRuns = { lastCompletedRun: null as string | null }
  const schedule =
    settings.DIGEST_HOUR === 'off'
      ? null
      : scheduleTicks({
          onError: logError,
          task: async () => {
            const result = await runScheduledDigest({
              schedule: { hour: settings.DIGEST_HOUR, timeZone: settings.DIGEST_TIMEZONE },
              store: stores.digest,
              now: new Date(),
              refusal: digestRefusal,
              known: knownRuns,
              run: () =>
                runDigest({
                  catalog,
                  store: stores.digest,
                  mailer,
                  publicUrl: settings.PUBLIC_URL,
                  clock: () => new Date(),
                  leaseMs: settings.DIGEST_LEASE_SECONDS * 1000,
                  logError,
                  signal: stopping.signal,
                }),
            })
            const line = describeScheduledDigest(result)
            if (line) console.log(line)
          },
        })

  const server = serve(
    {
      fetch: app.fetch,
      port: settings.PORT,
      hostname: settings.HOST,
      serverOptions: serverOptions(settings),
    },
    (info) => {
      console.log(
        `Serving ${catalog.alerts.length} alert(s) on http://${info.address}:${info.port} (public URL ${settings.PUBLIC_URL}); ` +
          `mail ${settings.SMTP_URL ? 'via SMTP' : `to ${settings.DATA_DIR}/outbox`}; ` +
          `digest ${settings.DIGEST_HOUR === 'off' ? 'off' : `daily at ${settings.DIGEST_HOUR}:00 ${settings.DIGEST_TIMEZONE}`}` +
          (digestRefusal ? ` (refused: ${digestRefusal})` : ''),
      )
    },
  ) as Server
  server.maxConnections = settings.MAX_CONNECTIONS
  if (settings.MAX_CONNECTIONS_PER_CLIENT > 0)
    limitConnectionsPerClient(server, settings.MAX_CONNECTIONS_PER_CLIENT)

  // A deploy or a restart: no new connections or ticks; a running digest stops before its next
  // message, records itself `stopped` and releases its lease (so the next server takes over at
  // once); open requests and the mail in flight finish; then the database and mailer close.
  const shutdown = async (signal: string) => {
    if (stopping.signal.aborted) return
    stopping.abort()
    console.log(`${signal}: finishing open requests and mail in flight, then stopping`)
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS)
    force.unref()
    clearInterval(outboxTimer)
    clearInterval(limiterTimer)
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    await Promise.allSettled([schedule?.stop(), housekeeping.stop(), closed])
    await Promise.allSettled(pending)
    await runtime.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
  // Started by npm (npm start execs node in its place): npm killed with SIGKILL forwards
  // nothing, so the server stops when it finds itself orphaned. Run directly, it keeps going.
  if (process.env.npm_lifecycle_event)
    watchParent(() => void shutdown('the parent process is gone'))
}

main().catch((error: unknown) => {
  if (error instanceof InvalidRecordsError) {
    console.error(`Refusing to start: ${error.message}`)
  } else {
    console.error(error instanceof Error ? error.message : error)
  }
  process.exit(1)
})
