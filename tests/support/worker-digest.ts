import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SUBSCRIBER_DOMAIN } from './personal-data'
import type { WorkerDev } from './wrangler-dev'

/** A digest run as D1 holds it. */
export interface RunRow {
  id: string
  outcome: string | null
  finished_at: string | null
  batches: number | null
  batches_open: number
  dead_batches: number
  total: number | null
  sent: number
  failed: number
  resent: number
  unconfirmed: number
}

/**
 * Waits until the digest run started at or after `since` has closed (its queue batches all
 * acknowledged or dead-lettered) and returns it.
 */
export async function waitForRun(
  worker: WorkerDev,
  since: Date,
  timeoutMs = 150_000,
): Promise<RunRow> {
  const deadline = Date.now() + timeoutMs
  let latest: RunRow | undefined
  for (;;) {
    const [result] = JSON.parse(
      await worker.d1(
        `SELECT * FROM digest_runs WHERE started_at >= '${since.toISOString()}' ORDER BY started_at DESC LIMIT 1`,
      ),
    ) as { results: RunRow[] }[]
    latest = result?.results[0]
    if (latest?.finished_at) return latest
    if (Date.now() > deadline)
      throw new Error(`the digest run did not close: ${JSON.stringify(latest ?? 'no run')}`)
    await new Promise((r) => setTimeout(r, 1_000))
  }
}

/** Rows per INSERT: well under D1's 100 KB statement limit. */
const ROWS_PER_INSERT = 200

/**
 * Writes `count` active subscribers (`${prefix}${i}@SUBSCRIBER_DOMAIN`, fiction) straight into
 * the Worker's local D1, with a cursor before every alert, and returns their addresses. Large
 * lists go through a SQL file, since a command line holds about 128 KB.
 */
export async function addSubscribers(
  worker: WorkerDev,
  prefix: string,
  count: number,
): Promise<string[]> {
  const t = '2020-01-01T00:00:00.000Z'
  const emails = Array.from({ length: count }, (_, i) => `${prefix}${i}@${SUBSCRIBER_DOMAIN}`)
  const statements: string[] = []
  for (let start = 0; start < count; start += ROWS_PER_INSERT) {
    const rows = emails
      .slice(start, start + ROWS_PER_INSERT)
      .map(
        (email, i) =>
          `('${email}', '${email}', 'active', '${`${prefix}-unsubscribe-${start + i}`.padEnd(43, 'x')}', '${t}', '${t}', '${t}', '${t}')`,
      )
    statements.push(
      `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, digest_cursor, created_at, confirmed_at, updated_at) VALUES ${rows.join(', ')};`,
    )
  }
  if (statements.length === 1) await worker.d1(statements[0]!)
  else {
    const dir = await mkdtemp(join(tmpdir(), 'subscribers-'))
    try {
      const file = join(dir, 'subscribers.sql')
      await writeFile(file, statements.join('\n'))
      await worker.d1File(file)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  return emails
}

/** How many accepted messages each address received: 1 each is exactly-once. */
export function copiesPerAddress(
  received: readonly { to: readonly string[] }[],
  emails: readonly string[],
): { copies: Map<string, number>; duplicates: number; lost: number } {
  const copies = new Map<string, number>(emails.map((e) => [e, 0]))
  for (const mail of received)
    for (const to of mail.to) {
      const n = copies.get(to)
      if (n !== undefined) copies.set(to, n + 1)
    }
  let duplicates = 0
  let lost = 0
  for (const n of copies.values()) {
    if (n === 0) lost++
    else duplicates += n - 1
  }
  return { copies, duplicates, lost }
}
