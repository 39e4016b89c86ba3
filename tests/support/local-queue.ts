import type { DigestBatchMessage } from '../../src/core/digest/queue-message'
import type { QueuedBatch } from '../../src/digest/queue-consumer'
import type { DigestQueue } from '../../src/digest/queue-run'

/**
 * Cloudflare Queues' delivery rules in memory, for tests that need what local workerd cannot
 * do (it runs one consumer invocation at a time): several invocations at once, a message
 * delivered twice, a consumer that never returns. Messages go out in batches of `batchSize`;
 * `ack()` removes one, `retry()` or an invocation that throws brings it back with one more
 * attempt, and after `maxRetries` retries it moves to the dead-letter queue. Retry delays are
 * recorded, not waited for. The Worker itself is tested against the real thing.
 */
export interface LocalQueue {
  producer: DigestQueue
  /** Messages waiting, with how often each was delivered. */
  pending: () => { body: DigestBatchMessage; attempts: number }[]
  dead: () => { body: DigestBatchMessage; attempts: number }[]
  /** Delays asked for by retries, in order. */
  delays: number[]
  /** Hands the next batch to `consume`; false when nothing is waiting. */
  deliverOnce: (consume: Consumer) => Promise<boolean>
  /** Delivers until the queue is empty (or `maxInvocations` is reached). */
  drain: (consume: Consumer, maxInvocations?: number) => Promise<number>
  /** Takes the next batch out without settling it, as a consumer that is killed would. */
  take: () => QueuedBatch[]
  /** Puts a message back as the platform does after an invocation died, one attempt more. */
  requeue: (batch: readonly QueuedBatch[]) => void
  /** Enqueues a copy of a waiting message: Queues delivers at least once. */
  duplicate: (index: number) => void
  /** Hands every dead letter to the dead-letter consumer; returns how many it took. */
  drainDead: (consume: Consumer) => Promise<number>
}

export type Consumer = (messages: QueuedBatch[]) => Promise<void>

interface Entry {
  body: DigestBatchMessage
  attempts: number
}

export function localQueue(options: { batchSize: number; maxRetries: number }): LocalQueue {
  const waiting: Entry[] = []
  const deadLetters: Entry[] = []
  const delays: number[] = []

  const settle = (entry: Entry, outcome: 'ack' | 'retry' | 'none') => {
    if (outcome === 'ack') return
    // Not acknowledged (retried, or the invocation threw): delivered again, or dead-lettered.
    if (entry.attempts > options.maxRetries) deadLetters.push(entry)
    else waiting.push(entry)
  }

  const take = (): QueuedBatch[] =>
    waiting.splice(0, options.batchSize).map((entry) => {
      entry.attempts++
      const handle: QueuedBatch & { entry: Entry; outcome: 'ack' | 'retry' | 'none' } = {
        entry,
        outcome: 'none',
        body: structuredClone(entry.body),
        attempts: entry.attempts,
        ack() {
          if (handle.outcome === 'none') handle.outcome = 'ack'
        },
        retry(delaySeconds) {
          if (handle.outcome === 'none') {
            handle.outcome = 'retry'
            delays.push(delaySeconds)
          }
        },
      }
      return handle
    })

  const deliverOnce = async (consume: Consumer) => {
    const batch = take()
    if (batch.length === 0) return false
    let threw = false
    try {
      await consume(batch)
    } catch {
      threw = true
    }
    for (const handle of batch as (QueuedBatch & { entry: Entry; outcome: string })[]) {
      // An invocation that returns acknowledges what it did not retry; one that throws, nothing.
      const outcome = handle.outcome === 'none' ? (threw ? 'retry' : 'ack') : handle.outcome
      settle(handle.entry, outcome as 'ack' | 'retry')
    }
    return true
  }

  return {
    producer: {
      async send(messages) {
        for (const body of messages) waiting.push({ body: structuredClone(body), attempts: 0 })
      },
    },
    pending: () => waiting.map((e) => ({ ...e })),
    dead: () => deadLetters.map((e) => ({ ...e })),
    delays,
    deliverOnce,
    async drain(consume, maxInvocations = 10_000) {
      let invocations = 0
      while (invocations < maxInvocations && (await deliverOnce(consume))) invocations++
      return invocations
    },
    take,
    requeue(batch) {
      for (const handle of batch as (QueuedBatch & { entry: Entry })[])
        settle(handle.entry, 'retry')
    },
    duplicate(index) {
      const entry = waiting[index]
      if (entry) waiting.push({ body: structuredClone(entry.body), attempts: 0 })
    },
    async drainDead(consume) {
      const letters = deadLetters.splice(0)
      const handles: QueuedBatch[] = letters.map((entry) => ({
        body: structuredClone(entry.body),
        attempts: entry.attempts,
        ack() {},
        retry() {
          deadLetters.push(entry)
        },
      }))
      if (handles.length > 0) await consume(handles)
      return handles.length
    },
  }
}
