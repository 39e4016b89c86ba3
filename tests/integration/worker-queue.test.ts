import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personalDataIn, tokensIn } from '../support/personal-data'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { addSubscribers, waitForRun } from '../support/worker-digest'
import { startWorkerDev, type WorkerDev } from '../support/wrangler-dev'

/**
 * The digest fanned out through Cloudflare Queues in the real runtime: `wrangler dev` runs the
 * Worker in workerd with the queue, its consumer, the dead-letter queue and D1 from
 * wrangler.toml, and mails go to a real SMTP server. Faults: 451s from the relay, and a
 * consumer that throws mid-batch once (DIGEST_FAULT, development only).
 */

const PUBLIC_URL = 'https://varningar.example.se'
/** 07:10 in Stockholm on two winter days: the digest is due once on each. */
const FIRST_DAY = new Date('2025-01-15T06:10:00Z')
const SECOND_DAY = new Date('2025-01-16T06:10:00Z')
const PER_MESSAGE = 10

let dir: string
let sink: SmtpSink
let worker: WorkerDev

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'worker-queue-'))
  sink = await startSmtpSink()
  worker = await startWorkerDev(join(dir, 'wrangler'), {
    PUBLIC_URL,
    SMTP_URL: sink.url,
    ENVIRONMENT: 'development',
    DIGEST_BATCH_SUBSCRIBERS: String(PER_MESSAGE),
    // The queue's retries without waiting: max_retries (wrangler.toml) still counts them.
    DIGEST_RETRY_SECONDS: '0',
    DIGEST_FAULT: 'throw-after-sends:15',
  })
}, 120_000)

afterAll(async () => {
  await worker?.stop()
  await sink?.close()
  await rm(dir, { recursive: true, force: true })
})

/** Message-IDs each address received. */
function copies(emails: readonly string[]): Map<string, string[]> {
  const ids = new Map<string, string[]>(emails.map((e) => [e, []]))
  for (const mail of sink.received) {
    const id = /^Message-ID: (<[^>]+>)/im.exec(mail.raw)?.[1] ?? ''
    for (const to of mail.to) ids.get(to)?.push(id)
  }
  return ids
}

async function count(sql: string): Promise<number> {
  const [result] = JSON.parse(await worker.d1(sql)) as { results: { n: number }[] }[]
  return result!.results[0]!.n
}

describe('the digest through Cloudflare Queues in workerd (issue 13)', () => {
  it('gives each of 60 subscribers exactly one digest despite 451s and a consumer that throws mid-batch', async () => {
    const emails = await addSubscribers(worker, 'wq', 60)
    const greylisted = new Set(emails.filter((_, i) => i % 7 === 3))
    sink.onRcpt((to, attempt) => (greylisted.has(to) && attempt === 1 ? 451 : undefined))
    await worker.d1('DELETE FROM alerts_seen')

    const since = new Date()
    const res = await worker.scheduled(FIRST_DAY)
    expect(res.status, await res.text()).toBe(200)
    const run = await waitForRun(worker, since)

    for (const [email, ids] of copies(emails)) {
      expect(ids, email).toHaveLength(1)
    }
    expect(run).toMatchObject({
      outcome: 'done',
      batches: 60 / PER_MESSAGE,
      batches_open: 0,
      dead_batches: 0,
      sent: 60,
      total: 60,
    })
    expect(await count("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sending'")).toBe(0)
    expect(await count("SELECT COUNT(*) AS n FROM leases WHERE expires_at != ''")).toBe(0)
    const log = worker.output()
    expect(log.match(/injected fault \(DIGEST_FAULT\)/g)).toHaveLength(1)
    expect(log).toMatch(/to try again in 0 s/)
    expect(log).toMatch(new RegExp(`digest ${run.id}: done: 60 sent`))
  }, 180_000)

  it('dead-letters a batch that keeps failing, records it, and still closes the run', async () => {
    const emails = await addSubscribers(worker, 'dl', 12)
    const stuck = emails[4]!
    sink.onRcpt((to) => (to === stuck ? 451 : undefined))
    sink.received.length = 0
    await worker.d1('DELETE FROM alerts_seen')

    const since = new Date()
    expect((await worker.scheduled(SECOND_DAY)).status).toBe(200)
    const run = await waitForRun(worker, since)

    expect(copies([stuck]).get(stuck)).toEqual([])
    for (const [email, ids] of copies(emails))
      if (email !== stuck) expect(ids, email).toHaveLength(1)
    expect(run).toMatchObject({ outcome: 'done', dead_batches: 1, batches_open: 0, failed: 1 })
    const stuckId = await count(`SELECT id AS n FROM subscribers WHERE email = '${stuck}'`)
    expect(worker.output()).toMatch(
      new RegExp(`dead-lettered; 1 not sent \\(subscriber ids ${stuckId}\\)`),
    )
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM subscribers WHERE email = '${stuck}' AND digest_cursor = '2020-01-01T00:00:00.000Z'`,
      ),
    ).toBe(1)
  }, 240_000)

  it('logs events and row ids from the cron and the consumers, never an address or a token', async () => {
    const log = worker.output()
    expect(log).toMatch(/queued in \d+ batches/)
    expect(log).toMatch(/dead-lettered/)
    expect(personalDataIn(log, { tokens: await tokensIn(sink.received) })).toEqual([])
  })
})
