import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import type { BatchResult, SqlDatabase, SqlValue, Statement } from '../../store/sql'
import { projectPath } from './project-root'

/**
 * The migrations folder shared with D1 (`wrangler d1 migrations apply`), in the project
 * folder: the same from src/ through tsx and from the compiled server in dist/.
 */
export const MIGRATIONS_DIR = projectPath('migrations')

/**
 * Opens (creating if needed) a SQLite file with WAL and a busy timeout, so the server, the
 * digest CLI and concurrent requests can share it, and applies pending migrations.
 */
export function openSqlite(
  file: string,
  migrationsDir = MIGRATIONS_DIR,
): SqlDatabase & { close(): void } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, migrationsDir)

  const prepared = new Map<string, Database.Statement>()
  const statement = (text: string) => {
    let s = prepared.get(text)
    if (!s) {
      s = db.prepare(text)
      prepared.set(text, s)
    }
    return s
  }
  const runOne = (s: Statement): BatchResult => {
    const prepared = statement(s.sql)
    const params = s.params as SqlValue[]
    if (!prepared.reader) return { changes: prepared.run(...params).changes, rows: [] }
    const rows = prepared.all(...params) as Record<string, SqlValue>[]
    return { changes: rows.length, rows }
  }

  return {
    async all<T>(text: string, ...params: SqlValue[]) {
      return statement(text).all(...params) as T[]
    },
    async first<T>(text: string, ...params: SqlValue[]) {
      const s = statement(text)
      if (!s.reader) {
        s.run(...params)
        return null
      }
      return (s.get(...params) ?? null) as T | null
    },
    async run(text: string, ...params: SqlValue[]) {
      return { changes: runOne({ sql: text, params }).changes }
    },
    async batch(statements: Statement[]) {
      return db.transaction(() => statements.map(runOne))()
    },
    close: () => db.close(),
  }
}

/**
 * Applies migrations/*.sql in name order, recorded in d1_migrations like wrangler does. Each
 * one is applied in an IMMEDIATE transaction (the database's write lock, waited for through
 * the busy timeout) that first asks again whether it is applied: a server and `npm run digest`
 * starting together on a database that needs a migration both find it, and the second one to
 * get the lock sees that the first has applied it, instead of failing on "table … already
 * exists".
 */
function applyMigrations(db: Database.Database, dir: string) {
  db.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)`)
  const isApplied = db.prepare('SELECT 1 FROM d1_migrations WHERE name = ?').pluck()
  const record = db.prepare('INSERT INTO d1_migrations (name) VALUES (?)')
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    // Cheap check first: an up-to-date database takes no write lock at start-up.
    if (isApplied.get(name)) continue
    const sqlText = readFileSync(join(dir, name), 'utf8')
    db.transaction(() => {
      if (isApplied.get(name)) return
      db.exec(sqlText)
      record.run(name)
    }).immediate()
  }
}
