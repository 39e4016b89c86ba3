import { openSqlite } from '../src/adapters/node/sqlite-database'
import { createApp } from '../src/app'
import type { Catalog } from '../src/core/catalog'
import type { ContactIndex } from '../src/core/check'
import { createJsonMailer } from '../src/mail/json-mailer'
import { sqlStores } from '../src/store/sql-stores'

/** The app as benchmarks use it: an in-memory SQLite store and a mailer that sends nothing. */
export function benchApp(catalog: Catalog, contactIndex?: ContactIndex) {
  return createApp({
    catalog,
    ...(contactIndex ? { contactIndex } : {}),
    publicUrl: 'http://localhost',
    stores: sqlStores(openSqlite(':memory:')),
    mailer: createJsonMailer('bench@localhost'),
    clientIp: () => '127.0.0.1',
  })
}
