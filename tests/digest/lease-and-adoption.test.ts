import { describe, expect, it } from 'vitest'
import { BEGIN_AHEAD, runDigest } from '../../src/digest/run-digest'
import { createJsonMailer } from '../../src/mail/json-mailer'
import type { Mailer, MailMessage } from '../../src/mail/mailer'
import { digestMessageId } from '../../src/mail/messages'
import { MemoryDigestStore } from '../../src/store/memory-digest-store'
import { fictionalCatalog } from '../support/fixtures'

const PUBLIC_URL = 'https://varningar.example.se'
const catalog = fictionalCatalog()
const FIRST_SEEN = '2026-11-01T00:00:00.000Z'
const CONFIRMED = '2026-10-01T00:00:00.000Z'

/** A store with `count` active subscribers for whom every fictional alert is new. */
function storeWith(count: number): MemoryDigestStore {
  const store = new MemoryDigestStore()
  for (const alert of catalog.alerts) store.firstSeen.set(alert.id, FIRST_SEEN)
  for (let id = 1; id <= count; id++)
    store.addSubscriber({ id, email: `s${id}@example.se`, companies: null, cursor: CONFIRMED })
  return store
}

/** A mailer that takes `ms` per message and keeps what it "sent". */
function slowMailer(ms: number): Mailer & { sent: MailMessage[] } {
  const json = createJsonMailer('Test <noreply@varningar.example.se>')
  return {
    sent: json.sent,
    async send(message) {
      await new Promise((resolve) => setTimeout(resolve, ms))
      return json.send(message)
    },
    close: json.close,
  }
}

/** Throws `thrown` for one recipient, delivers to the others. */
function mailerFailingFor(address: string, thrown: unknown): Mailer & { sent: MailMessage[] } {
  const json = createJsonMailer('Test <noreply@varningar.example.se>')
  return {
    sent: json.sent,
    async send(message) {
      if (message.to === address) throw thrown
      return json.send(message)
    },
    close: json.close,
  }
}

/** A run with fast retries over the fictional catalog. */
const quickDigest = (
  store: MemoryDigestStore,
  mailer: Mailer,
  extra: Partial<Parameters<typeof runDigest>[0]> = {},
) =>
  runDigest({
    catalog,
    store,
    mailer,
    publicUrl: PUBLIC_URL,
    clock: () => new Date(),
    attempts: 2,
    backoffMs: () => 1,
    ...extra,
  })

const perRecipient = (sent: MailMessage[]) => {
  const counts = new Map<string, number>()
  for (const m of sent) counts.set(m.to, (counts.get(m.to) ?? 0) + 1)
  return counts
}

describe('the digest lease (finding 1)', () => {
  it('is renewed while a run outlives its time to live, so a second run started then gets none', async () => {
    const store = storeWith(20)
    const mailer = slowMailer(60)
    const deps = {
      catalog,
      store,
      mailer,
      publicUrl: PUBLIC_URL,
      clock: () => new Date(),
      leaseMs: 400,
      concurrency: 1,
    }
    const first = runDigest(deps)
    // 20 messages at 60 ms take three times the lease's 400 ms.
    await new Promise((resolve) => setTimeout(resolve, 700))
    const second = await runDigest(deps)
    expect(second.status).toBe('busy')
    expect((await first).status).toBe('done')
    expect((await first).sent).toBe(20)
    expect([...perRecipient(mailer.sent).values()].every((n) => n === 1)).toBe(true)
    expect(mailer.sent).toHaveLength(20)
  })

  it('frees within its time to live when the holder stops renewing (a crash)', async () => {
    const store = storeWith(1)
    const now = new Date('2026-11-25T07:00:00.000Z')
    expect(
      await store.acquireLease('digest', 'crashed', now.toISOString(), '2026-11-25T07:01:00.000Z'),
    ).not.toBeNull()
    const clock = () => new Date('2026-11-25T07:01:00.001Z')
    const outcome = await runDigest({
      catalog,
      store,
      mailer: slowMailer(0),
      publicUrl: PUBLIC_URL,
      clock,
    })
    expect(outcome).toMatchObject({ status: 'done', sent: 1 })
  })

  it('stops a run that lost its lease before its next send; the new holder sends the rest once', async () => {
    const store = storeWith(10)
    const mailer = slowMailer(5)
    let stolen = false
    const outcome = await quickDigest(store, mailer, {
      concurrency: 1,
      leaseMs: 60_000,
      onProgress: (p) => {
        if (p.done !== 4 || stolen) return
        stolen = true
        // The process froze past its lease and another run took over.
        store.leases.get('digest')!.expiresAt = ''
        void store.acquireLease(
          'digest',
          'newer-run',
          new Date().toISOString(),
          '2099-01-01T00:00:00.000Z',
        )
      },
    })
    expect(outcome.status).toBe('lease-lost')
    expect(mailer.sent.length).toBeGreaterThanOrEqual(4)
    expect(mailer.sent.length).toBeLessThanOrEqual(5)

    store.leases.get('digest')!.expiresAt = ''
    const rest = await quickDigest(store, mailer, {})
    expect(rest.status).toBe('done')
    const counts = perRecipient(mailer.sent)
    expect(counts.size).toBe(10)
    for (const [to, n] of counts) {
      const ids = new Set(mailer.sent.filter((m) => m.to === to).map((m) => m.messageId))
      // At most the one message in flight at the takeover goes twice, with one Message-ID.
      expect(ids.size, to).toBe(1)
      if (n > 1) expect(n).toBe(2)
    }
  })

  it('refuses every fenced write of an older holder', async () => {
    const store = storeWith(1)
    const old = (await store.acquireLease(
      'digest',
      'a',
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:01:00Z',
    ))!
    const newer = (await store.acquireLease(
      'digest',
      'b',
      '2026-01-01T00:02:00Z',
      '2026-01-01T00:03:00Z',
    ))!
    expect(newer.fence).toBeGreaterThan(old.fence)
    const delivery = { runId: 'r', subscriberId: 1 }
    const item = { delivery, alertIds: ['a'], messageId: '<x@y>', withdrawn: false }
    const at = '2026-01-01T00:02:01Z'
    expect(await store.beginDeliveries(old, [item], at, at)).toEqual(['refused'])
    expect(await store.renewLease(old, '2026-01-01T00:09:00Z')).toBe(false)
    expect(await store.beginDeliveries(newer, [item], at, at)).toEqual(['sending'])
    const sent = { delivery, record: { kind: 'sent', cursor: 'c' } } as const
    expect(await store.recordDeliveries(old, [sent], '2026-01-01T00:02:02Z')).toEqual([false])
  })
})

describe('stopping a run (SIGTERM, the parent process died)', () => {
  it('stops before the next send, records the run as stopped and frees the lease', async () => {
    const store = storeWith(6)
    const stop = new AbortController()
    const mailer = slowMailer(0)
    const outcome = await quickDigest(store, mailer, {
      concurrency: 1,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done === 2) stop.abort()
      },
    })
    expect(outcome).toMatchObject({ status: 'stopped', sent: 2 })
    expect(mailer.sent).toHaveLength(2)
    expect(store.runs.get(outcome.runId)?.outcome).toBe('stopped')
    const rest = await quickDigest(store, mailer, {})
    expect(rest).toMatchObject({ status: 'done', sent: 4 })
  })
})

describe('stopping a run in a backoff', () => {
  it('ends the wait at once, so a shutdown does not outlast its grace', async () => {
    const store = storeWith(2)
    const stop = new AbortController()
    const refusing: Mailer = {
      async send() {
        setTimeout(() => stop.abort(), 10)
        throw Object.assign(new Error('try later'), { responseCode: 451, command: 'RCPT TO' })
      },
      async close() {},
    }
    const started = Date.now()
    const outcome = await runDigest({
      catalog,
      store,
      mailer: refusing,
      publicUrl: PUBLIC_URL,
      clock: () => new Date(),
      concurrency: 1,
      backoffMs: () => 60_000,
      signal: stop.signal,
    })
    expect(outcome.status).toBe('stopped')
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(store.runs.get(outcome.runId)?.outcome).toBe('stopped')
  })
})

describe('adopting what a dead run left in flight (finding 2)', () => {
  async function deadRunWithMessagesInFlight(store: MemoryDigestStore, subscriberIds: number[]) {
    const lease = (await store.acquireLease(
      'digest',
      'dead',
      '2026-11-24T07:00:00.000Z',
      '2026-11-24T07:01:00.000Z',
    ))!
    await store.startRun('dead-run', '2026-11-24T07:00:00.000Z', lease)
    const at = '2026-11-24T07:00:30.000Z'
    await store.beginDeliveries(
      lease,
      subscriberIds.map((id) => ({
        delivery: { runId: 'dead-run', subscriberId: id },
        alertIds: catalog.alerts.map((a) => a.id),
        messageId: digestMessageId('dead-run', id, PUBLIC_URL),
        withdrawn: false,
      })),
      at,
      at,
    )
  }

  it('sends them again with their first Message-ID and Date, once, and closes the dead run', async () => {
    const store = storeWith(5)
    await deadRunWithMessagesInFlight(store, [2, 4])
    const mailer = slowMailer(0)
    const outcome = await runDigest({
      catalog,
      store,
      mailer,
      publicUrl: PUBLIC_URL,
      clock: () => new Date('2026-11-25T07:00:00.000Z'),
    })
    expect(outcome).toMatchObject({ status: 'done', resent: 2, sent: 3 })
    for (const id of [2, 4]) {
      const copies = mailer.sent.filter((m) => m.to === `s${id}@example.se`)
      expect(copies).toHaveLength(1)
      expect(copies[0]!.messageId).toBe(digestMessageId('dead-run', id, PUBLIC_URL))
      expect(copies[0]!.date.toISOString()).toBe('2026-11-24T07:00:30.000Z')
      expect(store.delivery({ runId: 'dead-run', subscriberId: id })?.status).toBe('sent')
    }
    expect(mailer.sent).toHaveLength(5)
    expect(store.runs.get('dead-run')).toMatchObject({ outcome: 'abandoned' })
    expect(store.runs.get(outcome.runId)).toMatchObject({ outcome: 'done' })
  })

  it('keeps a message in flight that cannot be sent now, and sends that subscriber nothing else', async () => {
    const store = storeWith(2)
    await deadRunWithMessagesInFlight(store, [1])
    const mailer = mailerFailingFor(
      's1@example.se',
      Object.assign(new Error('try later'), { responseCode: 451 }),
    )
    const outcome = await quickDigest(store, mailer)
    expect(outcome).toMatchObject({ status: 'done', resent: 0, sent: 1 })
    expect(mailer.sent.map((m) => m.to)).toEqual(['s2@example.se'])
    expect(store.delivery({ runId: 'dead-run', subscriberId: 1 })?.status).toBe('sending')
  })
})

describe('whatever is thrown (finding 8)', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'boom'],
  ])('a mailer that throws %s fails that delivery and the run goes on', async (_kind, thrown) => {
    const store = storeWith(3)
    const outcome = await quickDigest(store, mailerFailingFor('s2@example.se', thrown))
    expect(outcome).toMatchObject({ status: 'done', sent: 2, failed: 1, done: 3 })
    expect(store.runs.get(outcome.runId)?.outcome).toBe('done')
  })

  it('a store that throws once fails the deliveries it was writing, not the run', async () => {
    // One more group of deliveries after the first, which is begun in the write that throws.
    const store = storeWith(BEGIN_AHEAD + 2)
    const begin = store.beginDeliveries.bind(store)
    let thrown = false
    store.beginDeliveries = async (...args) => {
      if (!thrown && args[1][0]?.delivery.subscriberId === 1) {
        thrown = true
        throw null
      }
      return begin(...args)
    }
    const errors: unknown[] = []
    const outcome = await runDigest({
      catalog,
      store,
      mailer: slowMailer(0),
      publicUrl: PUBLIC_URL,
      clock: () => new Date(),
      logError: (e) => errors.push(e),
    })
    expect(outcome).toMatchObject({ status: 'done', sent: 2, failed: BEGIN_AHEAD })
    expect(errors).toHaveLength(1)
  })
})
