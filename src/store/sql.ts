/** One SQL statement with positional parameters. */
export interface Statement {
  sql: string
  params: readonly SqlValue[]
}

export type SqlValue = string | number | null

/**
 * What one statement of a batch did: the rows it wrote, and the rows it returned (a SELECT,
 * or a write with RETURNING, whose `changes` are then the rows it returned).
 */
export interface BatchResult {
  changes: number
  rows: Record<string, SqlValue>[]
}

/**
 * The little SQL surface the stores need, implemented by better-sqlite3 on Node and by D1 on
 * Workers. D1 has no interactive transactions, so atomic work goes through `batch`, and every
 * read-then-write is one conditional statement.
 */
export interface SqlDatabase {
  all<T>(sql: string, ...params: SqlValue[]): Promise<T[]>
  first<T>(sql: string, ...params: SqlValue[]): Promise<T | null>
  run(sql: string, ...params: SqlValue[]): Promise<{ changes: number }>
  /** Runs the statements atomically, in order. */
  batch(statements: Statement[]): Promise<BatchResult[]>
}

export function sql(text: string, ...params: SqlValue[]): Statement {
  return { sql: text, params }
}
