import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { tally } from '../../src/core/digest/fan-out'
import { DIGEST_LEASE } from '../../src/digest/run-digest'
import { sqlStores } from '../../src/store/sql-stores'
import { addActiveSubscribers } from '../support/subscribers'

const T0 = '2026-11-25T06:00:00.000Z'
const LATER = '2026-11-25T06:05:00.000Z'
const UNTIL = '2026-11-25T06:30:00.000Z'
const RUN = '20261125-060000000-abcdef'

/** A run holding the digest lease, with `subscribers` active subscribers. */
async function openRun(subscribers = 0) {
  const db = openSqlite(':memory:')
  const stores = sqlStores(db)
  if (subscribers > 0) await addActiveSubscribers(db, subscribers, '2026-01-01T00:00:00.000Z')
  const lease = (await stores.digest.acquireLease(DIGEST_LEASE, RUN, T0, UNTIL))!
  await stores.digest.startRun(RUN, T0, lease)
  return { db, ...stores, lease }
}

async function run(db: ReturnType<typeof openSqlite>) {
  return db.first<{
    batches: number | null
    batches_open: number
    dead_batches: number
    finished_at: string | null
    outcome: string | null
    sent: number
    failed: number
  }>('SELECT * FROM digest_runs WHERE id = ?', RUN)
}

const leaseExpiry = async (db: ReturnType<typeof openSqlite>) =>
  (await db.first<{ expires_at: string }>('SELECT expires_at FROM leases'))?.expires_at

const counts = (sent: number, failed = 0) =>
  tally([...Array(sent).fill('sent'), ...Array(failed).fill('failed')])

describe('a queue run in D1 (SqlDigestQueueStore)', () => {
  it('counts each batch once, even when its insert is run twice', async () => {
    const { db, digestQueue, lease } = await openRun()
    const batches = [
      { batchNo: 0, size: 100 },
      { batchNo: 1, size: 40 },
    ]
    await digestQueue.addBatches(lease, RUN, 'subscribers', batches, T0)
    await digestQueue.addBatches(lease, RUN, 'subscribers', batches, T0)
    expect(await run(db)).toMatchObject({ batches: null, batches_open: 2 })
  })

  it('stays open while planning, even with every batch so far settled', async () => {
    const { db, digestQueue, lease } = await openRun()
    await digestQueue.addBatches(lease, RUN, 'subscribers', [{ batchNo: 0, size: 1 }], T0)
    expect(await digestQueue.settleBatch(lease, RUN, 0, 'done', counts(1), LATER)).toBe(false)
    expect(await run(db)).toMatchObject({ batches_open: 0, finished_at: null })
    expect(await digestQueue.finishPlanning(lease, RUN, 1, 1, LATER)).toBe(true)
    expect(await run(db)).toMatchObject({ batches: 1, outcome: 'done', finished_at: LATER })
  })

  it('closes when the last batch is acknowledged or dead-lettered, and frees the lease then', async () => {
    const { db, digestQueue, lease } = await openRun()
    const batches = [0, 1, 2].map((batchNo) => ({ batchNo, size: 10 }))
    await digestQueue.addBatches(lease, RUN, 'subscribers', batches, T0)
    expect(await digestQueue.finishPlanning(lease, RUN, 3, 30, T0)).toBe(false)
    expect(await digestQueue.settleBatch(lease, RUN, 0, 'done', counts(10), LATER)).toBe(false)
    expect(await digestQueue.settleBatch(lease, RUN, 2, 'dead', counts(4, 6), LATER)).toBe(false)
    expect(await leaseExpiry(db)).toBe(UNTIL)
    expect(await digestQueue.settleBatch(lease, RUN, 1, 'done', counts(10), LATER)).toBe(true)
    expect(await run(db)).toMatchObject({
      batches_open: 0,
      dead_batches: 1,
      outcome: 'done',
      sent: 24,
      failed: 6,
    })
    expect(await leaseExpiry(db)).toBe('')
  })

  it('settles a batch once: a redelivered acknowledgement neither counts nor closes twice', async () => {
    const { db, digestQueue, lease } = await openRun()
    await digestQueue.addBatches(lease, RUN, 'subscribers', [{ batchNo: 0, size: 5 }], T0)
    await digestQueue.addBatches(lease, RUN, 'subscribers', [{ batchNo: 1, size: 5 }], T0)
    await digestQueue.finishPlanning(lease, RUN, 2, 10, T0)
    await digestQueue.settleBatch(lease, RUN, 0, 'done', counts(5), LATER)
    await digestQueue.settleBatch(lease, RUN, 0, 'done', counts(5), LATER)
    await digestQueue.settleBatch(lease, RUN, 0, 'dead', counts(0, 5), LATER)
    expect(await run(db)).toMatchObject({ batches_open: 1, sent: 5, failed: 0, dead_batches: 0 })
  })

  it('keeps the run alive while consumers work, and tells them when a newer run took over', async () => {
    const { db, digest, digestQueue, lease } = await openRun()
    await digestQueue.addBatches(lease, RUN, 'subscribers', [{ batchNo: 0, size: 5 }], T0)
    const later = '2026-11-25T07:00:00.000Z'
    expect(await digestQueue.openBatch(lease, RUN, 0, later, LATER)).toEqual({
      batch: 'queued',
      runOpen: true,
    })
    expect(await leaseExpiry(db)).toBe(later)
    // A consumer never shortens the lease another one extended.
    await digestQueue.openBatch(lease, RUN, 0, UNTIL, LATER)
    expect(await leaseExpiry(db)).toBe(later)

    const newer = (await digest.acquireLease(
      DIGEST_LEASE,
      'next-run',
      '2026-11-25T07:00:01Z',
      '2026-11-25T08:00:00Z',
    ))!
    expect(newer.fence).toBeGreaterThan(lease.fence)
    expect(await digestQueue.openBatch(lease, RUN, 0, later, LATER)).toEqual({
      batch: 'queued',
      runOpen: false,
    })
    await digestQueue.supersedeBatch(RUN, 0, LATER)
    expect(await digestQueue.openBatch(lease, RUN, 0, later, LATER)).toMatchObject({
      batch: 'superseded',
    })
    expect(await run(db)).toMatchObject({ batches_open: 0 })
  })

  it('reads a batch in one query: each subscriber, this run’s delivery, and older messages in flight', async () => {
    const { digest, digestQueue, lease } = await openRun(3)
    const at = '2026-11-25T06:01:00.000Z'
    const item = (runId: string, subscriberId: number) => ({
      delivery: { runId, subscriberId },
      alertIds: ['a-1'],
      messageId: `<m.${subscriberId}@x>`,
      withdrawn: false,
    })
    await digest.startRun('older-run', '2026-11-24T06:00:00.000Z', lease)
    await digest.beginDeliveries(lease, [item(RUN, 1), item('older-run', 3)], at, UNTIL)
    const states = await digestQueue.subscriberStates(RUN, [1, 2, 3, 99])
    expect(states.map((s) => s.id)).toEqual([1, 2, 3])
    expect(states[0]).toMatchObject({
      status: 'active',
      email: 's0@example.se',
      delivery: {
        status: 'sending',
        claimedUntil: UNTIL,
        alertIds: ['a-1'],
        firstAttemptAt: at,
        unconfirmed: false,
        temporary: false,
      },
      olderInFlight: false,
    })
    expect(states[1]).toMatchObject({ delivery: null, olderInFlight: false })
    expect(states[2]).toMatchObject({ delivery: null, olderInFlight: true })

    const adopted = await digestQueue.adoptStates([{ runId: 'older-run', subscriberId: 3 }])
    expect(adopted).toEqual([
      expect.objectContaining({
        runId: 'older-run',
        subscriberId: 3,
        status: 'sending',
        email: 's2@example.se',
        firstAttemptAt: at,
        cutoff: '2026-11-24T06:00:00.000Z',
      }),
    ])
  })
})
