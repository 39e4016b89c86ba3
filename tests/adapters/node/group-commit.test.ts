import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { groupCommit } from '../../../src/adapters/node/group-commit'
import { openSqlite } from '../../../src/adapters/node/sqlite-database'
import { type SqlDatabase, sql } from '../../../src/store/sql'

let dir: string
let sqlite: ReturnType<typeof openSqlite>
/** The real SQLite file underneath, with every transaction it is asked for counted. */
let transactions: number
let db: SqlDatabase

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'group-commit-'))
  sqlite = openSqlite(join(dir, 'test.sqlite'))
  await sqlite.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)')
  transactions = 0
  db = groupCommit({
    ...sqlite,
    batch: (statements) => {
      transactions++
      return sqlite.batch(statements)
    },
  })
})
afterEach(async () => {
  sqlite.close()
  await rm(dir, { recursive: true, force: true })
})

const insert = (text: string) => sql('INSERT INTO notes (text) VALUES (?) RETURNING id, text', text)
const texts = async () =>
  (await sqlite.all<{ text: string }>('SELECT text FROM notes ORDER BY id')).map((r) => r.text)

describe('group commit over SQLite', () => {
  it('commits batches asked for in the same turn in one transaction, each caller getting its own results', async () => {
    const [a, b, c] = await Promise.all([
      db.batch([insert('a1'), insert('a2')]),
      db.batch([insert('b1')]),
      db.batch([insert('c1'), insert('c2'), insert('c3')]),
    ])
    expect(transactions).toBe(1)
    expect(a!.map((r) => r.rows[0]?.text)).toEqual(['a1', 'a2'])
    expect(b!.map((r) => r.rows[0]?.text)).toEqual(['b1'])
    expect(c!.map((r) => r.rows[0]?.text)).toEqual(['c1', 'c2', 'c3'])
    expect(await texts()).toEqual(['a1', 'a2', 'b1', 'c1', 'c2', 'c3'])
  })

  it('runs a later batch as if after the earlier ones (it sees their writes)', async () => {
    const [, counted] = await Promise.all([
      db.batch([insert('x')]),
      db.batch([sql('SELECT COUNT(*) AS n FROM notes')]),
    ])
    expect(counted![0]!.rows[0]).toEqual({ n: 1 })
  })

  it('fails only the batch that fails, and keeps it atomic', async () => {
    await db.batch([insert('taken')])
    const settled = await Promise.allSettled([
      db.batch([insert('before')]),
      // The second statement breaks the UNIQUE rule: this whole batch must leave nothing.
      db.batch([insert('half'), insert('taken')]),
      db.batch([insert('after')]),
    ])
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await texts()).toEqual(['taken', 'before', 'after'])
  })

  it('commits batches asked for in different turns separately', async () => {
    await db.batch([insert('one')])
    await db.batch([insert('two')])
    expect(transactions).toBe(2)
  })
})
