import type { BatchResult, SqlDatabase, Statement } from '../../store/sql'

interface Waiting {
  statements: Statement[]
  resolve: (results: BatchResult[]) => void
  reject: (error: unknown) => void
}

/**
 * The SQL port with group commit: batches asked for in the same turn of the event loop (the
 * digest's records of replies that arrived together, say) are committed in one transaction,
 * in the order they were asked for, each caller getting its own results. better-sqlite3
 * commits synchronously, and a commit costs far more than the few statements of a batch.
 *
 * Each batch stays atomic and runs as if after the ones before it. If the shared transaction
 * fails, it rolled back whole and every batch is run again on its own, so a failing batch
 * fails alone. Reads are not delayed; a caller that awaits its batch reads what it wrote.
 */
export function groupCommit(db: SqlDatabase): SqlDatabase {
  let waiting: Waiting[] = []
  const flush = async () => {
    const group = waiting
    waiting = []
    if (group.length > 1) {
      try {
        const results = await db.batch(group.flatMap((w) => w.statements))
        let at = 0
        for (const w of group) {
          w.resolve(results.slice(at, at + w.statements.length))
          at += w.statements.length
        }
        return
      } catch {
        // Run alone below, so that only the batch that fails gets the error.
      }
    }
    for (const w of group) await db.batch(w.statements).then(w.resolve, w.reject)
  }
  return {
    all: (text, ...params) => db.all(text, ...params),
    first: (text, ...params) => db.first(text, ...params),
    run: (text, ...params) => db.run(text, ...params),
    batch(statements) {
      return new Promise((resolve, reject) => {
        if (waiting.length === 0) setImmediate(() => void flush())
        waiting.push({ statements, resolve, reject })
      })
    },
  }
}
