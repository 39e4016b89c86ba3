import type { Catalog } from '../core/catalog'
import { chunked } from '../core/chunked'
import { type PlannedBatch, planBatches } from '../core/digest/fan-out'
import type { DigestBatchMessage } from '../core/digest/queue-message'
import type { BatchKind, DigestQueueStore } from '../store/digest-queue-store'
import type { DeliveryKey, DigestStore, Lease } from '../store/digest-store'
import { DIGEST_LEASE, newRunId } from './run-digest'

/** The producer side of the digest queue: one call sends at most 100 messages (sendBatch). */
export interface DigestQueue {
  send(messages: readonly DigestBatchMessage[]): Promise<void>
}

/** Messages per send: Cloudflare's sendBatch takes at most 100 (and 256 KB). */
export const MESSAGES_PER_SEND = 100

/**
 * How long a queue run keeps the lease without any consumer touching it. Every batch a
 * consumer starts extends it, so it runs out only when nothing has happened for this long
 * (every batch waiting out a long retry, a planner that died): then the next cron starts a
 * new run, which adopts what this one left in flight, and this run's remaining batches stop.
 */
export const QUEUE_RUN_STALL_MS = 30 * 60_000

export interface QueueRunDeps {
  catalog: Catalog
  store: DigestStore
  queueStore: DigestQueueStore
  queue: DigestQueue
  clock: () => Date
  /** Subscriber ids per queue message (1–100). */
  subscribersPerMessage: number
  stallMs?: number
}

export type QueueRunOutcome =
  | { status: 'busy'; runId: string }
  | {
      status: 'queued'
      runId: string
      batches: number
      subscribers: number
      /** Messages an earlier run left in flight, queued to be sent again as they were. */
      adopted: number
      /** Subscribers per message. */
      perMessage: number
      /** True when nothing was queued and the run closed at once. */
      closed: boolean
    }

/**
 * Opens a digest run and fans it out: takes the digest lease (the run holds it until its last
 * batch is settled), notes the alerts' first sight, queues the messages an earlier run left
 * in flight, closes runs that died, then pages through the active subscribers by id and
 * queues them `subscribersPerMessage` to a message. Each batch is written to D1 before its
 * message is sent, so a consumer always finds its row. If planning fails, the run is ended
 * `stopped` and the lease freed, so the next cron starts over; batches already queued find
 * their run closed and send nothing.
 */
export async function startQueueRun(deps: QueueRunDeps): Promise<QueueRunOutcome> {
  const { store, queueStore, clock } = deps
  const size = deps.subscribersPerMessage
  const started = clock()
  const runId = newRunId(started)
  const cutoff = started.toISOString()
  const stallMs = deps.stallMs ?? QUEUE_RUN_STALL_MS
  const lease = await store.acquireLease(
    DIGEST_LEASE,
    runId,
    cutoff,
    new Date(started.getTime() + stallMs).toISOString(),
  )
  if (!lease) return { status: 'busy', runId }

  let batches = 0
  const enqueue = async <T>(
    kind: BatchKind,
    planned: PlannedBatch<T>[],
    body: (items: T[]) => Pick<DigestBatchMessage, 'kind'> & Record<string, unknown>,
  ) => {
    for (const group of chunked(planned, MESSAGES_PER_SEND)) {
      const now = clock().toISOString()
      await queueStore.addBatches(
        lease,
        runId,
        kind,
        group.map((b) => ({ batchNo: b.batchNo, size: b.items.length })),
        now,
      )
      await deps.queue.send(
        group.map(
          (b) =>
            ({
              v: 1,
              runId,
              fence: lease.fence,
              cutoff,
              batch: b.batchNo,
              ...body(b.items),
            }) as DigestBatchMessage,
        ),
      )
      batches += group.length
    }
  }

  try {
    await store.registerAlerts(
      deps.catalog.alerts.map((a) => a.id),
      cutoff,
    )
    await store.startRun(runId, cutoff, lease)
    const left: DeliveryKey[] = (await store.inFlight(runId)).map((d) => ({
      runId: d.runId,
      subscriberId: d.subscriberId,
    }))
    await enqueue('adopt', planBatches(left, size, batches), (deliveries) => ({
      kind: 'adopt',
      deliveries,
    }))
    await store.closeAbandonedRuns(runId, clock().toISOString(), lease)

    let subscribers = 0
    let afterId = 0
    // A page is as many ids as one send of messages carries: 10,000 at 100 a message.
    const pageSize = size * MESSAGES_PER_SEND
    for (;;) {
      const ids = await queueStore.activeIds(afterId, pageSize)
      if (ids.length === 0) break
      afterId = ids.at(-1)!
      subscribers += ids.length
      await enqueue('subscribers', planBatches(ids, size, batches), (page) => ({
        kind: 'subscribers',
        ids: page,
      }))
    }
    const closed = await queueStore.finishPlanning(
      lease,
      runId,
      batches,
      subscribers,
      clock().toISOString(),
    )
    return {
      status: 'queued',
      runId,
      batches,
      subscribers,
      adopted: left.length,
      perMessage: size,
      closed,
    }
  } catch (error) {
    await abandonPlanning(store, runId, lease, clock().toISOString())
    throw error
  }
}

/** Ends a run whose planning failed, so that the next cron starts a new one at once. */
async function abandonPlanning(store: DigestStore, runId: string, lease: Lease, now: string) {
  const none = { sent: 0, unconfirmed: 0, failed: 0, bounced: 0, skipped: 0, resent: 0 }
  try {
    await store.finishRun(runId, none, now, lease, 'stopped')
  } finally {
    await store.releaseLease(lease)
  }
}

/** One line for logs: what opening the run did. */
export function describeQueueRun(outcome: QueueRunOutcome): string {
  if (outcome.status === 'busy')
    return `digest ${outcome.runId}: another run holds the lease (a queue run still open, or stalled); nothing queued`
  const adopted =
    outcome.adopted > 0 ? `, ${outcome.adopted} messages left in flight by an earlier run` : ''
  const closed = outcome.closed ? '; nothing to send, run closed' : ''
  return `digest ${outcome.runId}: ${outcome.subscribers} subscribers${adopted} queued in ${outcome.batches} batches of up to ${outcome.perMessage}${closed}`
}
