import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { createSmtpMailer } from '../../src/adapters/smtp/smtp-mailer'
import {
  type ConsumerDeps,
  consumeDeadLetters,
  consumeDigestBatches,
} from '../../src/digest/queue-consumer'
import { startQueueRun } from '../../src/digest/queue-run'
import { runDigest } from '../../src/digest/run-digest'
import { type Mailer, MailOutcomeUnknownError } from '../../src/mail/mailer'
import { type Stores, sqlStores } from '../../src/store/sql-stores'
import { fictionalCatalog } from '../support/fixtures'
import { type LocalQueue, localQueue } from '../support/local-queue'
import { personalDataIn, SUBSCRIBER_DOMAIN } from '../support/personal-data'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { addActiveSubscribers } from '../support/subscribers'

const PUBLIC_URL = 'https://varningar.example.se'
const FROM = 'Bedrägerivarningar <noreply@varningar.example.se>'
const catalog = fictionalCatalog()

let dir: string
let sink: SmtpSink
let db: ReturnType<typeof openSqlite>
let stores: Stores
let mailer: Mailer
let emails: string[]
let logs: string[]
/** Added to the wall clock: moves the consumers' clock past claims and stalls. */
let offsetMs: number
const clock = () => new Date(Date.now() + offsetMs)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'queue-consumer-'))
  sink = await startSmtpSink()
  db = openSqlite(join(dir, 'digest.sqlite'))
  stores = sqlStores(db)
  mailer = createSmtpMailer({ url: sink.url, from: FROM, maxConnections: 3, timeoutMs: 2_000 })
  logs = []
  offsetMs = 0
})

afterEach(async () => {
  await mailer.close()
  db.close()
  await sink.close()
  await rm(dir, { recursive: true, force: true })
})

const address = (n: number) => `q${n}@${SUBSCRIBER_DOMAIN}`

async function subscribe(count: number) {
  emails = await addActiveSubscribers(db, count, '2026-01-01T00:00:00.000Z', address)
}

function consumer(extra: Partial<ConsumerDeps> = {}): ConsumerDeps {
  return {
    catalog,
    store: stores.digest,
    queueStore: stores.digestQueue,
    mailer,
    publicUrl: PUBLIC_URL,
    clock,
    connections: 3,
    retryBaseSeconds: 30,
    log: (line) => logs.push(line),
    logError: (error) => logs.push(`ERROR ${String(error)}`),
    ...extra,
  }
}

const plan = (queue: LocalQueue, perMessage = 10) =>
  startQueueRun({
    catalog,
    store: stores.digest,
    queueStore: stores.digestQueue,
    queue: queue.producer,
    clock,
    subscribersPerMessage: perMessage,
  })

/** Delivers until empty, then hands what was dead-lettered to the dead-letter consumer. */
async function drain(queue: LocalQueue, deps = consumer()) {
  await queue.drain((messages) => consumeDigestBatches(deps, messages))
  await queue.drainDead((messages) => consumeDeadLetters(deps, messages))
}

/** Message-IDs each subscriber received, in order. */
function copies(): Map<string, string[]> {
  const ids = new Map<string, string[]>(emails.map((e) => [e, []]))
  for (const mail of sink.received) {
    const id = /^Message-ID: (<[^>]+>)/im.exec(mail.raw)?.[1] ?? ''
    for (const to of mail.to) ids.get(to)?.push(id)
  }
  return ids
}

function expectExactlyOneEach() {
  for (const [email, ids] of copies()) expect(ids, email).toHaveLength(1)
}

const runRow = (runId: string) =>
  db.first<{
    outcome: string | null
    batches: number
    batches_open: number
    dead_batches: number
    sent: number
    resent: number
    failed: number
    unconfirmed: number
    total: number
  }>('SELECT * FROM digest_runs WHERE id = ?', runId)

const sendingLeft = async () =>
  (await db.first<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sending'"))!
    .n

describe('the digest fanned out through a queue, with a real SMTP server and SQLite', () => {
  it('gives every subscriber one digest across 451s, and closes the run when the last batch is acknowledged', async () => {
    await subscribe(60)
    const refusedOnce = new Set([address(3), address(17), address(40), address(41)])
    sink.onRcpt((to, attempt) => (refusedOnce.has(to) && attempt === 1 ? 451 : undefined))
    const queue = localQueue({ batchSize: 2, maxRetries: 5 })
    const run = await plan(queue)
    expect(run).toMatchObject({ status: 'queued', batches: 6, subscribers: 60 })
    await drain(queue)

    expectExactlyOneEach()
    expect(queue.delays.length).toBeGreaterThan(0)
    expect(await runRow(run.runId)).toMatchObject({
      outcome: 'done',
      batches: 6,
      batches_open: 0,
      dead_batches: 0,
      sent: 60,
      total: 60,
    })
    expect(await sendingLeft()).toBe(0)
    expect(await stores.digest.lastCompletedRun()).not.toBeNull()
    expect(logs.join('\n')).toMatch(/done: 60 sent, 0 failed/)
    expect(personalDataIn(logs.join('\n'))).toEqual([])
  })

  it('sends nothing twice when a consumer throws mid-batch: the redelivered batch skips what was recorded', async () => {
    await subscribe(30)
    let sends = 0
    const queue = localQueue({ batchSize: 1, maxRetries: 5 })
    const run = await plan(queue)
    await drain(
      queue,
      consumer({
        afterSend: () => {
          if (++sends === 5) throw new Error('injected fault: the consumer throws mid-batch')
        },
      }),
    )
    expectExactlyOneEach()
    expect(logs.filter((l) => l.includes('injected fault'))).toHaveLength(1)
    expect(await runRow(run.runId)).toMatchObject({ outcome: 'done', sent: 30 })
    expect(await sendingLeft()).toBe(0)
  })

  it('sends nothing twice when a message is delivered twice, to two consumers at the same time', async () => {
    await subscribe(40)
    sink.delayReply(15)
    const queue = localQueue({ batchSize: 4, maxRetries: 10 })
    const run = await plan(queue)
    for (let i = 0; i < 4; i++) queue.duplicate(i)
    // Two invocations at once, each with its own SMTP pool, over the same four batches.
    const other = createSmtpMailer({ url: sink.url, from: FROM, maxConnections: 3 })
    try {
      const consumeWith = (m: Mailer) => (messages: Parameters<typeof consumeDigestBatches>[1]) =>
        consumeDigestBatches(consumer({ mailer: m, retryBaseSeconds: 0 }), [...messages])
      await Promise.all([
        queue.deliverOnce(consumeWith(mailer)),
        queue.deliverOnce(consumeWith(other)),
      ])
      await drain(queue)
    } finally {
      await other.close()
    }
    expectExactlyOneEach()
    expect(await runRow(run.runId)).toMatchObject({ outcome: 'done', sent: 40, batches_open: 0 })
  })

  it('after a consumer is killed mid-chunk, resends only what may have gone out, with its first Message-ID', async () => {
    await subscribe(20)
    const queue = localQueue({ batchSize: 1, maxRetries: 5 })
    const run = await plan(queue, 20)
    let calls = 0
    const dying: Mailer = {
      // The 8th send never returns: the invocation is killed with its chunk unrecorded.
      send: (message) => (++calls === 8 ? new Promise(() => {}) : mailer.send(message)),
      close: async () => {},
    }
    const killed = queue.take()
    void consumeDigestBatches(consumer({ mailer: dying }), killed)
    while (sink.received.length < 19) await new Promise((r) => setTimeout(r, 10))
    expect(await sendingLeft()).toBe(20)
    const beforeRedelivery = copies()
    queue.requeue(killed)
    // The platform redelivers it; the killed consumer's claims have run out by then.
    offsetMs = 6 * 60_000
    await drain(queue)

    const after = copies()
    for (const [email, ids] of after) {
      expect(ids.length, email).toBeGreaterThanOrEqual(1)
      expect(new Set(ids).size, `${email}: ${ids.join(', ')}`).toBe(1)
      // Only a message that went out before the kill goes twice.
      expect(ids.length - (beforeRedelivery.get(email)?.length ?? 0), email).toBeLessThanOrEqual(1)
    }
    expect(await runRow(run.runId)).toMatchObject({ outcome: 'done', batches_open: 0 })
    expect(await sendingLeft()).toBe(0)
  })

  it('dead-letters a batch that keeps failing, records what was given up, and still closes the run', async () => {
    await subscribe(30)
    const stuck = address(13)
    sink.onRcpt((to) => (to === stuck ? 451 : undefined))
    const queue = localQueue({ batchSize: 1, maxRetries: 3 })
    const run = await plan(queue)
    await drain(queue)

    expect(copies().get(stuck)).toEqual([])
    for (const [email, ids] of copies()) if (email !== stuck) expect(ids, email).toHaveLength(1)
    expect(await runRow(run.runId)).toMatchObject({
      outcome: 'done',
      dead_batches: 1,
      batches_open: 0,
      sent: 29,
      failed: 1,
    })
    const log = logs.join('\n')
    expect(log).toMatch(/batch 1: dead-lettered; 1 not sent \(subscriber ids 14\)/)
    expect(personalDataIn(log)).toEqual([])
    const row = await db.first<{ status: string; temporary: number; cursor: string }>(
      `SELECT d.status, d.temporary, s.digest_cursor AS cursor FROM deliveries d
       JOIN subscribers s ON s.id = d.subscriber_id WHERE s.email = ?`,
      stuck,
    )
    expect(row).toMatchObject({ status: 'failed', cursor: '2026-01-01T00:00:00.000Z' })

    // The next run sends the given-up subscriber's warnings, and nothing to anyone else.
    sink.onRcpt(undefined)
    offsetMs = 24 * 3600_000
    const next = localQueue({ batchSize: 1, maxRetries: 3 })
    await plan(next)
    await drain(next)
    expectExactlyOneEach()
  })

  it('stops the batches of a run that stalled once a newer run takes over', async () => {
    await subscribe(20)
    const stale = localQueue({ batchSize: 1, maxRetries: 3 })
    const first = await plan(stale)
    // Nothing consumed the first run's batches for longer than its lease lasts.
    offsetMs = 31 * 60_000
    const fresh = localQueue({ batchSize: 1, maxRetries: 3 })
    const second = await plan(fresh)
    expect(second.status).toBe('queued')
    await drain(stale)
    expect(sink.received).toHaveLength(0)
    await drain(fresh)
    expectExactlyOneEach()
    expect((await runRow(first.runId))?.outcome).toBe('abandoned')
    expect(await runRow(second.runId)).toMatchObject({ outcome: 'done', sent: 20 })
  })

  it('never resends in the same run a message whose answer never came; the next run sends it once more with its Message-ID', async () => {
    await subscribe(10)
    const late = address(4)
    const lateRelay: Mailer = {
      async send(message) {
        const sent = await mailer.send(message)
        if (message.to === late) throw new MailOutcomeUnknownError(new Error('timeout'))
        return sent
      },
      close: async () => {},
    }
    const queue = localQueue({ batchSize: 1, maxRetries: 3 })
    const run = await plan(queue)
    await drain(queue, consumer({ mailer: lateRelay }))
    expect(copies().get(late)).toHaveLength(1)
    expect(await runRow(run.runId)).toMatchObject({ outcome: 'done', sent: 9, unconfirmed: 1 })
    expect(await sendingLeft()).toBe(1)

    offsetMs = 24 * 3600_000
    const next = localQueue({ batchSize: 1, maxRetries: 3 })
    const second = await plan(next)
    expect(second).toMatchObject({ adopted: 1 })
    await drain(next)
    const ids = copies().get(late)!
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(1)
    expect(await runRow(second.runId)).toMatchObject({ resent: 1 })
    expect(await sendingLeft()).toBe(0)
  })
})

describe('one set of per-delivery rules on both runtimes', () => {
  const scenario = {
    bounced: address(1),
    blocked: address(2),
    refused: address(3),
  }

  /** What the store holds after a digest: each subscriber's delivery, status and cursor. */
  async function outcome() {
    return db.all<{ email: string; delivery: string; status: string; moved: number }>(
      `SELECT s.email, d.status AS delivery, s.status, s.digest_cursor > '2026-01-01T00:00:00.000Z' AS moved
       FROM subscribers s JOIN deliveries d ON d.subscriber_id = s.id ORDER BY s.id`,
    )
  }

  it.each(['node', 'queue'] as const)(
    '%s: a bounce marks the address, a policy block and a 4xx only fail the delivery',
    async (runtime) => {
      await subscribe(5)
      sink.onRcpt((to) => {
        if (to === scenario.bounced) return 550
        if (to === scenario.blocked) return { code: 550, text: '5.7.1 sender listed at Spamhaus' }
        if (to === scenario.refused) return 451
        return undefined
      })
      if (runtime === 'node') {
        await runDigest({
          catalog,
          store: stores.digest,
          mailer,
          publicUrl: PUBLIC_URL,
          clock,
          attempts: 2,
          backoffMs: () => 1,
        })
      } else {
        const queue = localQueue({ batchSize: 1, maxRetries: 1 })
        await plan(queue, 5)
        await drain(queue, consumer({ retryBaseSeconds: 0 }))
      }
      expect(await outcome()).toEqual([
        { email: address(0), delivery: 'sent', status: 'active', moved: 1 },
        { email: scenario.bounced, delivery: 'bounced', status: 'bounced', moved: 0 },
        { email: scenario.blocked, delivery: 'failed', status: 'active', moved: 0 },
        { email: scenario.refused, delivery: 'failed', status: 'active', moved: 0 },
        { email: address(4), delivery: 'sent', status: 'active', moved: 1 },
      ])
    },
  )
})
