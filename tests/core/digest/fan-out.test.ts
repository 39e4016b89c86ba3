import { describe, expect, it } from 'vitest'
import {
  type BatchSubscriberState,
  decideAdopted,
  decideSubscriber,
  planBatches,
  retryDelaySeconds,
  runPhase,
  tally,
} from '../../../src/core/digest/fan-out'
import { fictionalCatalog } from '../../support/fixtures'

const { alerts } = fictionalCatalog()
const first = 'exempelbolaget-2026-03-01'
const second = 'provbutiken-2026-04-10'
const alert = (id: string) => alerts.find((a) => a.id === id)!
const firstSeen = new Map([
  [first, '2026-11-01T00:00:00.000Z'],
  [second, '2026-11-20T00:00:00.000Z'],
])
const CUTOFF = '2026-11-25T06:00:00.000Z'
const NOW = '2026-11-25T06:10:00.000Z'
const context = { alerts, firstSeen, cutoff: CUTOFF, now: NOW }

const subscriber = (state: Partial<BatchSubscriberState> = {}): BatchSubscriberState => ({
  id: 7,
  status: 'active',
  companies: null,
  cursor: '2026-10-01T00:00:00.000Z',
  delivery: null,
  olderInFlight: false,
  ...state,
})

const delivery = (over: Partial<NonNullable<BatchSubscriberState['delivery']>>) => ({
  status: 'sending' as const,
  unconfirmed: false,
  temporary: false,
  claimedUntil: null,
  alertIds: [first],
  firstAttemptAt: '2026-11-25T06:01:00.000Z',
  ...over,
})

describe('planBatches: subscriber ids in queue messages', () => {
  it('cuts ids into batches of at most the size, numbered on from where the last page ended', () => {
    const ids = Array.from({ length: 250 }, (_, i) => i + 1)
    const batches = planBatches(ids, 100, 3)
    expect(batches.map((b) => b.batchNo)).toEqual([3, 4, 5])
    expect(batches.map((b) => b.items.length)).toEqual([100, 100, 50])
    expect(batches.flatMap((b) => b.items)).toEqual(ids)
  })

  it('plans nothing for no ids, and refuses a size that cannot fit a queue message', () => {
    expect(planBatches([], 100, 0)).toEqual([])
    expect(() => planBatches([1], 0, 0)).toThrow(/size/)
    expect(() => planBatches([1], 101, 0)).toThrow(/size/)
  })
})

describe('runPhase: when a queue run is finished', () => {
  it('is planning until the last batch is enqueued, even if every batch so far is settled', () => {
    expect(runPhase({ batches: null, open: 0, finished: false })).toBe('planning')
  })

  it('is sending while any batch is neither acknowledged nor dead-lettered', () => {
    expect(runPhase({ batches: 10, open: 1, finished: false })).toBe('sending')
  })

  it('is complete, ready to close, once every batch is settled, and closed once recorded so', () => {
    expect(runPhase({ batches: 10, open: 0, finished: false })).toBe('complete')
    expect(runPhase({ batches: 0, open: 0, finished: false })).toBe('complete')
    expect(runPhase({ batches: 10, open: 0, finished: true })).toBe('closed')
    expect(runPhase({ batches: 10, open: 3, finished: true })).toBe('closed')
  })
})

describe('retryDelaySeconds: the queue retries a batch with backoff', () => {
  it('doubles from the base with each attempt and stops growing at the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, 30))).toEqual([30, 60, 120, 240])
    expect(retryDelaySeconds(9, 30)).toBe(900)
    expect(retryDelaySeconds(40, 30)).toBe(900)
  })

  it('is 0 with a base of 0 (tests), and never negative or fractional', () => {
    expect(retryDelaySeconds(3, 0)).toBe(0)
    expect(retryDelaySeconds(0, 30)).toBe(30)
    expect(Number.isInteger(retryDelaySeconds(2, 1.5))).toBe(true)
  })
})

describe('decideSubscriber: one subscriber of a redelivered batch', () => {
  it('sends a first digest with the warnings new to them', () => {
    expect(decideSubscriber(subscriber(), context)).toEqual({
      kind: 'send',
      alerts,
      adopted: false,
      firstAttemptAt: null,
    })
  })

  it('sends nothing to a subscriber with nothing new, not active, or with an older message in flight', () => {
    expect(decideSubscriber(subscriber({ cursor: CUTOFF }), context)).toEqual({ kind: 'none' })
    expect(decideSubscriber(subscriber({ status: 'unsubscribed' }), context)).toEqual({
      kind: 'none',
    })
    expect(decideSubscriber(subscriber({ olderInFlight: true }), context)).toEqual({
      kind: 'none',
    })
  })

  it('skips what this run recorded: sent, bounced, skipped, failed for good, unconfirmed', () => {
    for (const status of ['sent', 'bounced', 'skipped', 'failed'] as const)
      expect(decideSubscriber(subscriber({ delivery: delivery({ status }) }), context)).toEqual({
        kind: 'recorded',
        as: status,
      })
    const unconfirmed = delivery({ unconfirmed: true })
    expect(decideSubscriber(subscriber({ delivery: unconfirmed }), context)).toEqual({
      kind: 'recorded',
      as: 'unconfirmed',
    })
  })

  it('resends a delivery left sending by a consumer that stopped, as it was, with its first Date', () => {
    const left = delivery({ claimedUntil: '2026-11-25T06:05:00.000Z' })
    expect(decideSubscriber(subscriber({ delivery: left }), context)).toEqual({
      kind: 'send',
      alerts: [alert(first)],
      adopted: true,
      firstAttemptAt: '2026-11-25T06:01:00.000Z',
    })
  })

  it('waits while another consumer still holds the delivery', () => {
    const held = delivery({ claimedUntil: '2026-11-25T06:15:00.000Z' })
    expect(decideSubscriber(subscriber({ delivery: held }), context)).toEqual({ kind: 'wait' })
  })

  it('tries a delivery that failed for now again as a first delivery, with the same warnings', () => {
    const failed = delivery({ status: 'failed', temporary: true, alertIds: [second] })
    expect(decideSubscriber(subscriber({ delivery: failed }), context)).toEqual({
      kind: 'send',
      alerts: [alert(second)],
      adopted: false,
      firstAttemptAt: '2026-11-25T06:01:00.000Z',
    })
  })

  it('keeps a resent message whose warnings were all withdrawn empty, so it ends skipped', () => {
    const gone = delivery({ alertIds: ['withdrawn-2026-01-01'] })
    expect(decideSubscriber(subscriber({ delivery: gone }), context)).toMatchObject({
      kind: 'send',
      alerts: [],
    })
  })
})

describe('decideAdopted: a message an earlier run left in flight', () => {
  const left = {
    status: 'sending' as const,
    claimedUntil: null,
    alertIds: [first],
    firstAttemptAt: '2026-11-24T06:01:00.000Z',
  }

  it('is sent again as it was, adopted, with its first Date', () => {
    expect(decideAdopted(left, context)).toEqual({
      kind: 'send',
      alerts: [alert(first)],
      adopted: true,
      firstAttemptAt: '2026-11-24T06:01:00.000Z',
    })
  })

  it('is counted, not sent, once recorded; waits while claimed', () => {
    expect(decideAdopted({ ...left, status: 'sent' }, context)).toEqual({
      kind: 'recorded',
      as: 'resent',
    })
    expect(decideAdopted({ ...left, status: 'bounced' }, context)).toEqual({
      kind: 'recorded',
      as: 'bounced',
    })
    expect(decideAdopted({ ...left, claimedUntil: '2026-11-25T06:15:00.000Z' }, context)).toEqual({
      kind: 'wait',
    })
  })
})

describe('tally: what a settled batch adds to its run', () => {
  it('counts each kind once', () => {
    expect(
      tally(['sent', 'sent', 'resent', 'failed', 'bounced', 'unconfirmed', 'skipped']),
    ).toEqual({ sent: 2, resent: 1, failed: 1, bounced: 1, unconfirmed: 1, skipped: 1 })
    expect(tally([])).toEqual({
      sent: 0,
      resent: 0,
      failed: 0,
      bounced: 0,
      unconfirmed: 0,
      skipped: 0,
    })
  })
})
