import { join } from 'node:path'
import type { Catalog } from '../../core/catalog'
import { loadCatalog } from '../../core/catalog'
import type { Mailer } from '../../mail/mailer'
import type { NodeSettings } from '../../settings/node-settings'
import { type Stores, sqlStores } from '../../store/sql-stores'
import { createSmtpMailer } from '../smtp/smtp-mailer'
import { createOutboxMailer } from './outbox-mailer'
import { readRecordFiles } from './record-files'
import { openSqlite } from './sqlite-database'

/** The adapters both Node entries (server and digest CLI) build from the same settings. */
export interface NodeRuntime {
  catalog: Catalog
  stores: Stores
  mailer: Mailer
  close: () => Promise<void>
}

export async function createNodeRuntime(settings: NodeSettings): Promise<NodeRuntime> {
  const catalog = loadCatalog(await readRecordFiles(settings.ALERTS_DIR))
  const db = openSqlite(join(settings.DATA_DIR, 'bedragerivarningar.sqlite'))
  const mailer = settings.SMTP_URL
    ? createSmtpMailer({ url: settings.SMTP_URL, from: settings.MAIL_FROM })
    : createOutboxMailer(join(settings.DATA_DIR, 'outbox'), settings.MAIL_FROM)
  return {
    catalog,
    stores: sqlStores(db),
    mailer,
    close: async () => {
      await mailer.close()
      db.close()
    },
  }
}
