import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { createApp } from '../../src/app'
import type { Catalog } from '../../src/core/catalog'
import { mailboxKey } from '../../src/core/subscriptions/mailbox'
import type { MailHealth } from '../../src/health/health'
import { createJsonMailer } from '../../src/mail/json-mailer'
import type { RequestLimiter } from '../../src/rate-limit/request-limiter'
import type { SqlDatabase } from '../../src/store/sql'
import { sqlStores } from '../../src/store/sql-stores'
import { fictionalCatalog } from './fixtures'

export const PUBLIC_URL = 'https://varningar.example.se'
/** The Origin a browser on the site sends. */
export const SITE_ORIGIN = new URL(PUBLIC_URL).origin

export interface TestAppOptions {
  clock?: () => Date
  /** The client address when a request names none in X-Test-Client; null: the platform did not say. */
  clientIp?: string | null
  maxRateRows?: number
  /** Another database than a fresh, migrated one in memory (e.g. one without migrations). */
  db?: SqlDatabase
  contactEmail?: string
  checkLimiter?: RequestLimiter
  mailHealth?: MailHealth
  settingsProblems?: string[]
}

/**
 * The app over fictional records with a real SQLite database in memory and nodemailer's JSON
 * transport; deferred work (draining the confirmation outbox) is collected so tests can await it.
 */
export function createTestApp(catalog: Catalog = fictionalCatalog(), options: TestAppOptions = {}) {
  const errors: unknown[] = []
  const deferred: Promise<unknown>[] = []
  const db = options.db ?? openSqlite(':memory:')
  // No waiting between retries of transient errors: tests that inject them stay fast.
  const stores = sqlStores(db, {
    maxRateRows: options.maxRateRows,
    retry: { sleep: async () => {} },
  })
  const mailer = createJsonMailer('Bedrägerivarningar <noreply@varningar.example.se>')
  const app = createApp({
    catalog,
    publicUrl: PUBLIC_URL,
    stores,
    mailer,
    clock: options.clock ?? (() => new Date()),
    // A test may name the client per request; the real entries take it from the socket or proxy.
    clientIp: (c) =>
      c.req.header('X-Test-Client') ||
      (options.clientIp === undefined ? '192.0.2.1' : options.clientIp),
    defer: (_c, task) => void deferred.push(task),
    logError: (e) => errors.push(e),
    contactEmail: options.contactEmail,
    checkLimiter: options.checkLimiter,
    mailHealth: options.mailHealth,
    settingsProblems: options.settingsProblems,
  })
  return {
    app,
    errors,
    stores,
    mailer,
    db,
    settled: () => Promise.all(deferred),
    /** A subscriber's status by address, spelled any way. */
    status: (email: string) => stores.subscribers.status(mailboxKey(email)),
  }
}
