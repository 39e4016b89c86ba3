import type { Alert } from '../alert-schema'
import { chunked } from '../chunked'
import { alertsForDigest } from './select-alerts'

/**
 * The pure decisions of a digest fanned out through a queue: how subscribers are cut into
 * queue messages, what a consumer does with each subscriber of a (possibly redelivered)
 * message, how long the queue waits before a retry, and when a run is finished.
 */

/** Subscribers per queue message at most: 100 ids are about 1 KB, far under 128 KB. */
export const MAX_SUBSCRIBERS_PER_MESSAGE = 100

export interface PlannedBatch<T> {
  batchNo: number
  items: T[]
}

/** Cuts items into batches of at most `size`, numbered from `firstBatchNo` on. */
export function planBatches<T>(
  items: readonly T[],
  size: number,
  firstBatchNo: number,
): PlannedBatch<T>[] {
  if (!Number.isInteger(size) || size < 1 || size > MAX_SUBSCRIBERS_PER_MESSAGE)
    throw new RangeError(`batch size must be 1-${MAX_SUBSCRIBERS_PER_MESSAGE}, not ${size}`)
  return chunked(items, size).map((chunk, i) => ({ batchNo: firstBatchNo + i, items: chunk }))
}

/** A queue run's counters, as stored with the run. */
export interface RunCounters {
  /** Batches enqueued in all, or null while planning still enqueues them. */
  batches: number | null
  /** Batches neither acknowledged nor dead-lettered. */
  open: number
  finished: boolean
}

/**
 * `planning`: batches are still being enqueued, so the run cannot be finished even if every
 * batch so far is settled; `sending`: some batch is open; `complete`: every batch is
 * acknowledged or dead-lettered, and the run is closed in that same write; `closed`.
 */
export type RunPhase = 'planning' | 'sending' | 'complete' | 'closed'

export function runPhase(run: RunCounters): RunPhase {
  if (run.finished) return 'closed'
  if (run.batches === null) return 'planning'
  return run.open === 0 ? 'complete' : 'sending'
}

/** The longest wait between two deliveries of a batch: a relay's greylisting is usually shorter. */
export const MAX_RETRY_DELAY_SECONDS = 900

/** How long the queue waits before delivering a batch again: base × 2^(attempts−1), capped. */
export function retryDelaySeconds(
  attempts: number,
  baseSeconds: number,
  maxSeconds = MAX_RETRY_DELAY_SECONDS,
): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30))
  return Math.min(maxSeconds, Math.round(baseSeconds * 2 ** exponent))
}

/** How a settled delivery counts in its run. */
export type TallyKey = 'sent' | 'resent' | 'unconfirmed' | 'failed' | 'bounced' | 'skipped'

export type BatchCounts = Record<TallyKey, number>

export function tally(keys: readonly TallyKey[]): BatchCounts {
  const counts: BatchCounts = {
    sent: 0,
    resent: 0,
    unconfirmed: 0,
    failed: 0,
    bounced: 0,
    skipped: 0,
  }
  for (const key of keys) counts[key]++
  return counts
}

/** A delivery as stored: what a consumer reads before it decides. */
export interface StoredDelivery {
  status: 'sending' | 'sent' | 'failed' | 'bounced' | 'skipped'
  /** Until when the consumer that wrote it `sending` owns it (null: nobody). */
  claimedUntil: string | null
  alertIds: string[]
}

/** One subscriber of a batch, read in one query with this run's delivery to them. */
export interface BatchSubscriberState {
  id: number
  status: string
  companies: string[] | null
  cursor: string | null
  /** This run's delivery, if an earlier delivery of the batch began one. */
  delivery:
    | (StoredDelivery & { unconfirmed: boolean; temporary: boolean; firstAttemptAt: string })
    | null
  /** A message of an earlier run is still in flight to them (it is adopted on its own). */
  olderInFlight: boolean
}

export interface DecisionContext {
  alerts: readonly Alert[]
  /** When the site first served each alert. */
  firstSeen: ReadonlyMap<string, string>
  /** The run's cut-off: alerts first seen later wait for the next run. */
  cutoff: string
  now: string
}

/**
 * - `send`: deliver `alerts`; `adopted` when the message may already have gone out (it is
 *   sent as it was); `firstAttemptAt` is the Date it keeps, or null for a first attempt now;
 * - `recorded`: an earlier delivery of the batch settled it; it only counts;
 * - `wait`: another consumer holds it; the batch must come back later;
 * - `none`: nothing to send.
 */
export type SubscriberAction =
  | { kind: 'send'; alerts: Alert[]; adopted: boolean; firstAttemptAt: string | null }
  | { kind: 'recorded'; as: TallyKey }
  | { kind: 'wait' }
  | { kind: 'none' }

const claimed = (delivery: StoredDelivery, now: string) =>
  delivery.claimedUntil !== null && delivery.claimedUntil > now

const alertsOf = (ids: readonly string[], alerts: readonly Alert[]) =>
  alerts.filter((a) => ids.includes(a.id))

/**
 * What a consumer does with one subscriber of its batch, given what the store holds: the
 * rules that make a redelivered batch send nothing twice that was recorded as sent. A
 * delivery left `sending` by a consumer that stopped is sent again as it was (it may have
 * gone out); one that failed for now is tried again as a first delivery; one whose answer
 * never came is left for the next run. A subscriber with an older message still in flight
 * gets nothing new until that one is settled, as in the in-process runner.
 */
export function decideSubscriber(
  state: BatchSubscriberState,
  context: DecisionContext,
): SubscriberAction {
  const { delivery } = state
  if (delivery) {
    if (delivery.status === 'sending') {
      if (delivery.unconfirmed) return { kind: 'recorded', as: 'unconfirmed' }
      if (claimed(delivery, context.now)) return { kind: 'wait' }
      return resend(delivery, context, true)
    }
    if (delivery.status === 'failed' && delivery.temporary) return resend(delivery, context, false)
    return { kind: 'recorded', as: delivery.status }
  }
  if (state.status !== 'active' || state.olderInFlight) return { kind: 'none' }
  const alerts = alertsForDigest(context.alerts, context.firstSeen, state, context.cutoff)
  return alerts.length > 0
    ? { kind: 'send', alerts, adopted: false, firstAttemptAt: null }
    : { kind: 'none' }
}

function resend(
  delivery: StoredDelivery & { firstAttemptAt: string },
  context: Pick<DecisionContext, 'alerts'>,
  adopted: boolean,
): SubscriberAction {
  return {
    kind: 'send',
    alerts: alertsOf(delivery.alertIds, context.alerts),
    adopted,
    firstAttemptAt: delivery.firstAttemptAt,
  }
}

/** A message an earlier run left in flight: sent again as it was, unless already settled. */
export function decideAdopted(
  delivery: StoredDelivery & { firstAttemptAt: string },
  context: Pick<DecisionContext, 'alerts' | 'now'>,
): SubscriberAction {
  if (delivery.status === 'sending') {
    if (claimed(delivery, context.now)) return { kind: 'wait' }
    return resend(delivery, context, true)
  }
  return { kind: 'recorded', as: delivery.status === 'sent' ? 'resent' : delivery.status }
}
