import type { D1Database } from '@cloudflare/workers-types'
import type { SqlDatabase, SqlValue } from '../../store/sql'

/** The SqlDatabase port over a D1 binding; `batch` is D1's atomic batch. */
export function d1Database(db: D1Database): SqlDatabase {
  const bind = (sql: string, params: readonly SqlValue[]) => db.prepare(sql).bind(...params)
  return {
    async all<T>(sql: string, ...params: SqlValue[]) {
      return (await bind(sql, params).all<T>()).results
    },
    async first<T>(sql: string, ...params: SqlValue[]) {
      return (await bind(sql, params).first<T>()) ?? null
    },
    async run(sql: string, ...params: SqlValue[]) {
      return { changes: (await bind(sql, params).run()).meta.changes }
    },
    async batch(statements) {
      const results = await db.batch<Record<string, SqlValue>>(
        statements.map((s) => bind(s.sql, s.params)),
      )
      return results.map((r) => ({ changes: r.meta.changes, rows: r.results ?? [] }))
    },
  }
}
