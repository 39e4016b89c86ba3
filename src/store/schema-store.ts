import type { SqlDatabase } from './sql'

/**
 * The migrations this code needs, in order: the names of the files in migrations/ (a test
 * keeps the two in step). `wrangler d1 migrations apply` and the Node store record each one
 * in d1_migrations as it is applied.
 */
export const SCHEMA_MIGRATIONS: readonly string[] = [
  '0001_subscriptions',
  '0002_hardening',
  '0003_token_buckets',
  '0004_unconfirmed_and_mailbox_limits',
  '0005_digest_queue',
]

/** The database's schema version, as far as this code is concerned. */
export interface SchemaStore {
  /**
   * Migrations this code needs that the database has not recorded, in order; empty when
   * the schema is current. Throws when the database cannot be reached.
   */
  missingMigrations(): Promise<string[]>
}

/** Reads d1_migrations, the table wrangler and the Node store keep. */
export class SqlSchemaStore implements SchemaStore {
  constructor(private readonly db: SqlDatabase) {}

  async missingMigrations(): Promise<string[]> {
    let applied: Set<string>
    try {
      const rows = await this.db.all<{ name: string }>('SELECT name FROM d1_migrations')
      applied = new Set(rows.map((r) => r.name.replace(/\.sql$/, '')))
    } catch (error) {
      // No table at all: nothing was ever applied. Any other error means no answer.
      if (!/no such table/i.test(error instanceof Error ? error.message : String(error)))
        throw error
      applied = new Set()
    }
    return SCHEMA_MIGRATIONS.filter((name) => !applied.has(name))
  }
}
