import { mkdir } from 'node:fs/promises'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { scheduleDaily } from './adapters/node/daily-schedule'
import { createNodeRuntime } from './adapters/node/node-runtime'
import { createApp } from './app'
import { InvalidRecordsError } from './core/record-issues'
import { describeOutcome, runDigest } from './digest/run-digest'
import { parseNodeSettings } from './node-settings'

/** The embedded default: the whole site on Node, configured by environment variables. */
async function main() {
  const settings = parseNodeSettings(process.env)
  await mkdir(settings.DATA_DIR, { recursive: true })
  const runtime = await createNodeRuntime(settings)
  const { catalog, store, mailer } = runtime
  await store.registerAlerts(
    catalog.alerts.map((a) => a.id),
    new Date().toISOString(),
  )

  const pending = new Set<Promise<unknown>>()
  const app = createApp({
    catalog,
    publicUrl: settings.PUBLIC_URL,
    store,
    mailer,
    clientIp: (c) =>
      (settings.TRUST_PROXY === 'true' && c.req.header('x-forwarded-for')?.split(',')[0]?.trim()) ||
      getConnInfo(c).remote.address ||
      'unknown',
    defer: (_c, task) => {
      const tracked = task
        .catch((error: unknown) => console.error(error))
        .finally(() => pending.delete(tracked))
      pending.add(tracked)
    },
  })

  const schedule =
    settings.DIGEST_HOUR === 'off'
      ? null
      : scheduleDaily({
          hour: settings.DIGEST_HOUR,
          timeZone: settings.DIGEST_TIMEZONE,
          task: async () => {
            const outcome = await runDigest({
              catalog,
              store,
              mailer,
              publicUrl: settings.PUBLIC_URL,
              clock: () => new Date(),
            })
            console.log(describeOutcome(outcome))
          },
        })

  const server = serve(
    { fetch: app.fetch, port: settings.PORT, hostname: settings.HOST },
    (info) => {
      console.log(
        `Serving ${catalog.alerts.length} alert(s) on http://${info.address}:${info.port} (public URL ${settings.PUBLIC_URL}); ` +
          `mail ${settings.SMTP_URL ? 'via SMTP' : `to ${settings.DATA_DIR}/outbox`}; ` +
          `digest ${settings.DIGEST_HOUR === 'off' ? 'off' : `daily at ${settings.DIGEST_HOUR}:00 ${settings.DIGEST_TIMEZONE}`}`,
      )
    },
  )

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: finishing open requests, then stopping`)
    schedule?.stop()
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    server.close(async () => {
      await Promise.allSettled(pending)
      await runtime.close()
      process.exit(0)
    })
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof InvalidRecordsError) {
    console.error(`Refusing to start: ${error.message}`)
  } else {
    console.error(error instanceof Error ? error.message : error)
  }
  process.exit(1)
})
