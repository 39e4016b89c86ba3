import { join, relative } from 'node:path'
import type { Catalog } from '../../core/catalog'
import { loadCatalog } from '../../core/catalog'
import type { ContactIndex } from '../../core/check/contact-index'
import type { Mailer } from '../../mail/mailer'
import type { NodeSettings } from '../../settings/node-settings'
import { type Stores, sqlStores } from '../../store/sql-stores'
import { createSmtpMailer } from '../smtp/smtp-mailer'
import { groupCommit } from './group-commit'
import { createOutboxMailer } from './outbox-mailer'
import { projectPath } from './project-root'
import { readRecordFiles } from './record-files'
import { readSnapshotFile, SNAPSHOT_FILE } from './snapshot-files'
import { openSqlite } from './sqlite-database'

/** The adapters both Node entries (server and digest CLI) build from the same settings. */
export interface NodeRuntime {
  catalog: Catalog
  /** The checker's index from the catalog snapshot; undefined when it is built from the records. */
  contactIndex: ContactIndex | undefined
  /** Where the catalog came from, for the log. */
  catalogSource: string
  stores: Stores
  mailer: Mailer
  close: () => Promise<void>
}

/** Where `npm run build` leaves the catalog snapshot for the Node server. */
export const NODE_SNAPSHOT = projectPath('dist', SNAPSHOT_FILE)

/**
 * The records: from the catalog snapshot when it was made from exactly the files in
 * ALERTS_DIR by this code (no YAML, schema, rules between records or index to derive),
 * otherwise validated and indexed now, as a server without a build would.
 */
async function loadRecords(dir: string) {
  const files = await readRecordFiles(dir)
  const found = await readSnapshotFile(NODE_SNAPSHOT, files)
  if (found.snapshot) {
    const { catalog, contactIndex, header } = found.snapshot
    return {
      catalog,
      contactIndex,
      catalogSource: `${header.alerts} record(s) from the catalog snapshot ${relative(process.cwd(), NODE_SNAPSHOT)}`,
    }
  }
  return {
    catalog: loadCatalog(files),
    contactIndex: undefined,
    catalogSource: `${files.length} record file(s) validated and indexed at start-up, because ${found.why} (npm run build writes it)`,
  }
}

export async function createNodeRuntime(settings: NodeSettings): Promise<NodeRuntime> {
  const { catalog, contactIndex, catalogSource } = await loadRecords(settings.ALERTS_DIR)
  const db = openSqlite(join(settings.DATA_DIR, 'bedragerivarningar.sqlite'))
  const mailer = settings.SMTP_URL
    ? createSmtpMailer({ url: settings.SMTP_URL, from: settings.MAIL_FROM })
    : createOutboxMailer(join(settings.DATA_DIR, 'outbox'), settings.MAIL_FROM)
  return {
    catalog,
    contactIndex,
    catalogSource,
    stores: sqlStores(groupCommit(db)),
    mailer,
    close: async () => {
      await mailer.close()
      db.close()
    },
  }
}
