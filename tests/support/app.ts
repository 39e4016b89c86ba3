import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { createApp } from '../../src/app'
import type { Catalog } from '../../src/core/catalog'
import { mailboxKey } from '../../src/core/subscriptions/mailbox'
import { createJsonMailer } from '../../src/mail/json-mailer'
import { sqlStores } from '../../src/store/sql-stores'
import { fictionalCatalog } from './fixtures'

export const PUBLIC_URL = 'https://varningar.example.se'
/** The Origin a browser on the site sends. */
export const SITE_ORIGIN = new URL(PUBLIC_URL).origin

export interface TestAppOptions {
  clock?: () => Date
  clientIp?: string
  maxRateRows?: number
}

/**
 * The app over fictional records with a real SQLite database in memory and nodemailer's JSON
 * transport; deferred work (draining the confirmation outbox) is collected so tests can await it.
 */
export function createTestApp(catalog: Catalog = fictionalCatalog(), options: TestAppOptions = {}) {
  const errors: unknown[] = []
  const deferred: Promise<unknown>[] = []
  const db = openSqlite(':memory:')
  const stores = sqlStores(db, { maxRateRows: options.maxRateRows })
  const mailer = createJsonMailer('Bedrägerivarningar <noreply@varningar.example.se>')
  const app = createApp({
    catalog,
    publicUrl: PUBLIC_URL,
    stores,
    mailer,
    clock: options.clock ?? (() => new Date()),
    // A test may name the client per request; the real entries take it from the socket or proxy.
    clientIp: (c) => c.req.header('X-Test-Client') ?? options.clientIp ?? '192.0.2.1',
    defer: (_c, task) => void deferred.push(task),
    logError: (e) => errors.push(e),
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
