import type { D1Database, ExportedHandler, ScheduledController } from '@cloudflare/workers-types'
import { z } from 'zod'
import { createSmtpMailer } from './adapters/smtp/smtp-mailer'
import { d1Database } from './adapters/worker/d1-database'
import { createApp } from './app'
import { assembleCatalog, type Catalog } from './core/catalog'
import { buildContactIndex } from './core/check/contact-index'
import { InvalidRecordsError } from './core/record-issues'
import { describeOutcome, runDigest } from './digest/run-digest'
import { BUNDLED_RECORDS } from './generated/records'
import type { Mailer } from './mail/mailer'
import { type Stores, sqlStores } from './store/sql-stores'
import { drainConfirmationOutbox } from './subscriptions/confirmation-outbox'

/** Bindings and vars from wrangler.toml, and secrets set with `wrangler secret put`. */
export interface Env {
  DB: D1Database
  PUBLIC_URL?: string
  MAIL_FROM?: string
  SMTP_URL?: string
}

const SettingsSchema = z.object({
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL' }),
  MAIL_FROM: z.string().min(3).optional(),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' })
    .optional(),
})

// Records were validated when the bundle was built; only the cross-record rules run here.
const assembled = assembleCatalog(BUNDLED_RECORDS)
if (!assembled.catalog) throw new InvalidRecordsError(assembled.issues)
const catalog: Catalog = assembled.catalog
// Built in global scope, which runs at start-up, so no request pays for it.
const contactIndex = buildContactIndex(catalog)

/** Without SMTP_URL (local dev) mail is logged, not sent: a Worker has no disk for an outbox. */
const logMailer: Mailer = {
  async send(message) {
    console.log(`mail to ${message.to} not sent (no SMTP_URL): ${message.subject}\n${message.text}`)
    return { messageId: message.messageId, response: 'logged' }
  },
  async close() {},
}

interface Runtime {
  settings: z.infer<typeof SettingsSchema> & { PUBLIC_URL: string; MAIL_FROM: string }
  stores: Stores
  mailer: Mailer
}

let runtime: Runtime | undefined

function runtimeFor(env: Env): Runtime {
  if (runtime) return runtime
  const parsed = SettingsSchema.parse({
    PUBLIC_URL: env.PUBLIC_URL,
    MAIL_FROM: env.MAIL_FROM || undefined,
    SMTP_URL: env.SMTP_URL || undefined,
  })
  const publicUrl = parsed.PUBLIC_URL.replace(/\/+$/, '')
  const from = parsed.MAIL_FROM ?? `Bedrägerivarningar <noreply@${new URL(publicUrl).hostname}>`
  runtime = {
    settings: { ...parsed, PUBLIC_URL: publicUrl, MAIL_FROM: from },
    stores: sqlStores(d1Database(env.DB)),
    // One message per connection lifetime is the safe choice in an isolate that may be frozen.
    mailer: parsed.SMTP_URL
      ? createSmtpMailer({ url: parsed.SMTP_URL, from, maxConnections: 2 })
      : logMailer,
  }
  return runtime
}

let app: ReturnType<typeof createApp> | undefined

type WorkerResponse = ReturnType<NonNullable<ExportedHandler<Env>['fetch']>>

export default {
  fetch(request, env, ctx) {
    const { settings, stores, mailer } = runtimeFor(env)
    app ??= createApp({
      catalog,
      publicUrl: settings.PUBLIC_URL,
      stores,
      mailer,
      clientIp: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
      defer: (c, task) => c.executionCtx.waitUntil(task),
      // A drain per request, never one shared across requests: an isolate must not await work
      // started by another request. Claims keep concurrent drains off the same mail.
      drainOutbox: () =>
        drainConfirmationOutbox({
          outbox: stores.outbox,
          mailer,
          catalog,
          publicUrl: settings.PUBLIC_URL,
          clock: () => new Date(),
        }),
      contactIndex,
    })
    // Hono is typed with the DOM's Request/Response, wrangler with workers-types': same objects.
    return app.fetch(request as unknown as Request, env, ctx) as unknown as WorkerResponse
  },

  async scheduled(_controller: ScheduledController, env) {
    const { settings, stores, mailer } = runtimeFor(env)
    const outcome = await runDigest({
      catalog,
      store: stores.digest,
      mailer,
      publicUrl: settings.PUBLIC_URL,
      clock: () => new Date(),
      concurrency: 2,
    })
    console.log(describeOutcome(outcome))
  },
} satisfies ExportedHandler<Env>
