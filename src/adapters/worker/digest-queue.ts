import type { Message, MessageBatch, Queue } from '@cloudflare/workers-types'
import type { DigestBatchMessage } from '../../core/digest/queue-message'
import type { QueuedBatch } from '../../digest/queue-consumer'
import type { DigestQueue } from '../../digest/queue-run'

/** The queues in wrangler.toml: the digest's, and its dead-letter queue (a test keeps them equal). */
export const DIGEST_QUEUE_NAME = 'bedragerivarningar-digest'
export const DIGEST_DEAD_LETTER_QUEUE_NAME = 'bedragerivarningar-digest-dead'

/**
 * SMTP connections one consumer invocation opens: a Worker may hold 6 outgoing connections
 * at once, and D1 and the queue need none of those.
 */
export const CONSUMER_CONNECTIONS = 4

/** The producer binding as the digest's queue port; JSON bodies, at most 100 per call. */
export function digestQueueProducer(binding: Queue<DigestBatchMessage>): DigestQueue {
  return {
    async send(messages) {
      if (messages.length === 0) return
      await binding.sendBatch(messages.map((body) => ({ body, contentType: 'json' as const })))
    },
  }
}

/** Cloudflare's messages as the consumer's port. */
export function queuedBatches(batch: MessageBatch<unknown>): QueuedBatch[] {
  return batch.messages.map((message: Message<unknown>) => ({
    body: message.body,
    attempts: message.attempts,
    ack: () => message.ack(),
    retry: (delaySeconds) => message.retry({ delaySeconds }),
  }))
}
