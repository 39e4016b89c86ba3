import { z } from 'zod'
import { MAX_SUBSCRIBERS_PER_MESSAGE } from './fan-out'

const RunFields = {
  v: z.literal(1),
  /** The run that enqueued the batch, and the fence of its lease: a newer run's fence stops it. */
  runId: z.string().min(1).max(64),
  fence: z.number().int().positive(),
  /** The run's cut-off: alerts first seen later wait for the next run. */
  cutoff: z.iso.datetime(),
  /** The batch's number within its run: its row in digest_batches. */
  batch: z.number().int().nonnegative(),
}

const SubscriberId = z.number().int().positive()

/**
 * One queue message of a digest run: a page of subscriber ids (`subscribers`), or messages
 * an earlier run left in flight, to be sent again as they were (`adopt`). Ids only, never an
 * address: a queue message is stored by Cloudflare, and kept in the dead-letter queue.
 */
export const DigestBatchMessage = z.discriminatedUnion('kind', [
  z.object({
    ...RunFields,
    kind: z.literal('subscribers'),
    ids: z.array(SubscriberId).min(1).max(MAX_SUBSCRIBERS_PER_MESSAGE),
  }),
  z.object({
    ...RunFields,
    kind: z.literal('adopt'),
    deliveries: z
      .array(z.object({ runId: z.string().min(1).max(64), subscriberId: SubscriberId }))
      .min(1)
      .max(MAX_SUBSCRIBERS_PER_MESSAGE),
  }),
])

export type DigestBatchMessage = z.infer<typeof DigestBatchMessage>
