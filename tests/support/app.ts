import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { createApp } from '../../src/app'
import type { Catalog } from '../../src/core/catalog'
import { createJsonMailer } from '../../src/mail/json-mailer'
import { SubscriptionStore } from '../../src/store/subscription-store'
import { fictionalCatalog } from './fixtures'

export const PUBLIC_URL = 'https://varningar.example.se'

export interface TestAppOptions {
  clock?: () => Date
  clientIp?: string
}

/**
 * The app over fictional records with a real SQLite database in memory and nodemailer's JSON
 * transport; deferred work (confirmation mails) is collected so tests can await it.
 */
export function createTestApp(catalog: Catalog = fictionalCatalog(), options: TestAppOptions = {}) {
  const errors: unknown[] = []
  const deferred: Promise<unknown>[] = []
  const db = openSqlite(':memory:')
  const store = new SubscriptionStore(db)
  const mailer = createJsonMailer('Bedrägerivarningar <noreply@varningar.example.se>')
  const app = createApp({
    catalog,
    publicUrl: PUBLIC_URL,
    store,
    mailer,
    clock: options.clock ?? (() => new Date()),
    clientIp: () => options.clientIp ?? '192.0.2.1',
    defer: (_c, task) => void deferred.push(task),
    logError: (e) => errors.push(e),
  })
  return { app, errors, store, mailer, db, settled: () => Promise.all(deferred) }
}
