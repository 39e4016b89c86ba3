import pLimit from 'p-limit'
import type { Catalog } from '../core/catalog'
import { chunked } from '../core/chunked'
import {
  decideAdopted,
  decideSubscriber,
  retryDelaySeconds,
  type SubscriberAction,
  type TallyKey,
  tally,
} from '../core/digest/fan-out'
import { DigestBatchMessage } from '../core/digest/queue-message'
import type { Mailer } from '../mail/mailer'
import { digestMessageId } from '../mail/messages'
import { describeError } from '../security/redact'
import type { DigestQueueStore, QueueRunSummary } from '../store/digest-queue-store'
import type { DigestStore, Lease } from '../store/digest-store'
import { type DeliveryJob, type DeliveryResult, deliverDigests } from './deliver'
import { QUEUE_RUN_STALL_MS } from './queue-run'
import { DIGEST_LEASE } from './run-digest'

/** One queue message as the consumer sees it (Cloudflare's Message, or a test double). */
export interface QueuedBatch {
  readonly body: unknown
  /** How many times it has been delivered, this time included (1 the first time). */
  readonly attempts: number
  ack(): void
  retry(delaySeconds: number): void
}

export interface ConsumerDeps {
  catalog: Catalog
  store: DigestStore
  queueStore: DigestQueueStore
  /** Opened for this invocation and closed by the caller before it ends. */
  mailer: Mailer
  publicUrl: string
  clock: () => Date
  /** The SMTP connections of this invocation: sends at once, across all its messages. */
  connections: number
  /** The queue's backoff: base × 2^(attempts−1) seconds, capped (see retryDelaySeconds). */
  retryBaseSeconds: number
  /** How far each batch extends its run's lease (see QUEUE_RUN_STALL_MS). */
  stallMs?: number
  /** How long a begun delivery is this consumer's alone: longer than a chunk can take. */
  claimMs?: number
  /** Deliveries written `sending` together, then recorded together (D1 batches). */
  chunkSize?: number
  log: (line: string) => void
  logError: (error: unknown) => void
  /** Development fault injection: called after each send (see DeliveryDeps.afterSend). */
  afterSend?: () => void
}

/** Longer than a chunk of sends can take, even with every connection timing out. */
export const DEFAULT_CLAIM_MS = 5 * 60_000
/**
 * Deliveries per D1 batch: 25 `sending` rows, then 25 outcomes. A consumer killed outright
 * (not an exception: those record what they know) leaves at most a chunk whose 250s were not
 * recorded, and each goes out once more with its first Message-ID.
 */
export const DEFAULT_CHUNK_SIZE = 25

/**
 * The queue consumer: each message is a batch of subscribers (or of messages an earlier run
 * left in flight). For each, it reads what the store holds for every subscriber in one query,
 * decides (decideSubscriber), delivers with the same rules and writes as the in-process
 * runner (deliverDigests) in D1 batches, and acknowledges the message only once every
 * delivery in it is recorded. Anything left to try (a 4xx, a delivery another consumer holds,
 * a consumer that failed mid-batch) makes the queue deliver the message again after a
 * backoff; a redelivered message skips what was recorded and sends again, with the same
 * Message-ID, what may have gone out. What keeps failing reaches the dead-letter queue.
 */
export async function consumeDigestBatches(
  deps: ConsumerDeps,
  messages: readonly QueuedBatch[],
): Promise<void> {
  const limit = pLimit(deps.connections)
  const firstSeen = once(() => deps.store.alertsFirstSeen())
  await Promise.all(
    messages.map(async (message) => {
      try {
        await consumeOne(deps, message, limit, firstSeen)
      } catch (error) {
        const delay = retryDelaySeconds(message.attempts, deps.retryBaseSeconds)
        deps.logError(
          new Error(
            `digest ${describeBatch(message.body)} failed, retry in ${delay} s: ${describeError(error)}`,
          ),
        )
        message.retry(delay)
      }
    }),
  )
}

/** What a consumer decided for one subscriber, and the job if it sends. */
interface Planned {
  action: SubscriberAction
  job?: DeliveryJob
}

async function consumeOne(
  deps: ConsumerDeps,
  message: QueuedBatch,
  limit: <T>(send: () => Promise<T>) => Promise<T>,
  firstSeen: () => Promise<Map<string, string>>,
): Promise<void> {
  const parsed = DigestBatchMessage.safeParse(message.body)
  if (!parsed.success) {
    // Never valid however often it comes back: the dead-letter queue keeps it for a look.
    deps.log(
      `digest queue: unreadable message left for the dead-letter queue (${parsed.error.issues[0]?.message})`,
    )
    message.retry(0)
    return
  }
  const batch = parsed.data
  const lease: Lease = { name: DIGEST_LEASE, holder: batch.runId, fence: batch.fence }
  const now = deps.clock()
  const stallMs = deps.stallMs ?? QUEUE_RUN_STALL_MS
  const opened = await deps.queueStore.openBatch(
    lease,
    batch.runId,
    batch.batch,
    new Date(now.getTime() + stallMs).toISOString(),
    now.toISOString(),
  )
  // Settled already: a duplicate delivery of a message that was acknowledged.
  if (opened.batch !== 'queued') return message.ack()
  if (!opened.runOpen) return supersede(deps, batch, message)

  const plan = await planBatch(deps, batch, now, firstSeen)
  const jobs = plan.flatMap((p) => (p.job ? [p.job] : []))
  let superseded = false
  const delivery = {
    store: deps.store,
    mailer: deps.mailer,
    publicUrl: deps.publicUrl,
    clock: deps.clock,
    lease,
    maySend: () => !superseded,
    // The queue retries, with its backoff; a consumer never waits in between.
    attempts: 1,
    backoffMs: () => 0,
    sleep: async () => {},
    temporaryFailure: 'retry' as const,
    claimMs: deps.claimMs ?? DEFAULT_CLAIM_MS,
    limit,
    ...(deps.afterSend ? { afterSend: deps.afterSend } : {}),
  }
  const results = new Map<DeliveryJob, DeliveryResult>()
  for (const chunk of chunked(jobs, deps.chunkSize ?? DEFAULT_CHUNK_SIZE)) {
    if (superseded) break
    const outcomes = await deliverDigests(delivery, chunk)
    for (const [i, job] of chunk.entries()) results.set(job, outcomes[i]!)
    if (outcomes.includes('lease-lost')) superseded = true
  }
  if (superseded) return supersede(deps, batch, message)

  const keys: TallyKey[] = []
  let again = 0
  for (const { action, job } of plan) {
    if (action.kind === 'recorded') keys.push(action.as)
    else if (action.kind === 'wait') again++
    else if (job) {
      const key = settled(results.get(job), batch.kind)
      if (key) keys.push(key)
      else again++
    }
  }
  if (again > 0) {
    const delay = retryDelaySeconds(message.attempts, deps.retryBaseSeconds)
    deps.log(
      `digest ${describeBatch(batch)}: ${again} of ${plan.length} to try again in ${delay} s (delivery ${message.attempts})`,
    )
    return message.retry(delay)
  }
  const closed = await deps.queueStore.settleBatch(
    lease,
    batch.runId,
    batch.batch,
    'done',
    tally(keys),
    deps.clock().toISOString(),
  )
  if (closed) await logClosed(deps, batch.runId)
  message.ack()
}

/** What each subscriber of the batch gets, from one read of the store. */
async function planBatch(
  deps: Pick<ConsumerDeps, 'catalog' | 'queueStore' | 'publicUrl'>,
  batch: DigestBatchMessage,
  now: Date,
  firstSeen: () => Promise<Map<string, string>>,
): Promise<Planned[]> {
  const { alerts } = deps.catalog
  const at = now.toISOString()
  if (batch.kind === 'adopt') {
    const states = await deps.queueStore.adoptStates(batch.deliveries)
    return states.map((state) => {
      const action = decideAdopted(state, { alerts, now: at })
      if (action.kind !== 'send') return { action }
      const delivery = { runId: state.runId, subscriberId: state.subscriberId }
      return { action, job: jobFor(deps, delivery, state, action, state.cutoff, now) }
    })
  }
  const [states, seen] = await Promise.all([
    deps.queueStore.subscriberStates(batch.runId, batch.ids),
    firstSeen(),
  ])
  const context = { alerts, firstSeen: seen, cutoff: batch.cutoff, now: at }
  return states.map((state) => {
    const action = decideSubscriber(state, context)
    if (action.kind !== 'send') return { action }
    const delivery = { runId: batch.runId, subscriberId: state.id }
    return { action, job: jobFor(deps, delivery, state, action, batch.cutoff, now) }
  })
}

/**
 * A delivery to send: its Message-ID follows from (run, subscriber), and a message that may
 * have gone out keeps the Date of its first attempt.
 */
function jobFor(
  deps: Pick<ConsumerDeps, 'publicUrl'>,
  delivery: DeliveryJob['delivery'],
  subscriber: { email: string; unsubscribeToken: string },
  action: Extract<SubscriberAction, { kind: 'send' }>,
  cutoff: string,
  now: Date,
): DeliveryJob {
  return {
    delivery,
    email: subscriber.email,
    unsubscribeToken: subscriber.unsubscribeToken,
    alerts: action.alerts,
    cutoff,
    messageId: digestMessageId(delivery.runId, delivery.subscriberId, deps.publicUrl),
    date: action.firstAttemptAt ? new Date(action.firstAttemptAt) : now,
    adopted: action.adopted,
  }
}

/** How a delivery's result counts once its batch is settled; undefined if it must go again. */
function settled(
  result: DeliveryResult | undefined,
  kind: DigestBatchMessage['kind'],
): TallyKey | undefined {
  switch (result) {
    case 'sent':
      return kind === 'adopt' ? 'resent' : 'sent'
    case 'unconfirmed':
    case 'failed':
    case 'bounced':
    case 'skipped':
      return result
    default:
      return undefined
  }
}

/** A newer run took the lease: this batch's subscribers are that run's now. */
async function supersede(deps: ConsumerDeps, batch: DigestBatchMessage, message: QueuedBatch) {
  await deps.queueStore.supersedeBatch(batch.runId, batch.batch, deps.clock().toISOString())
  deps.log(`digest ${describeBatch(batch)}: its run was closed or replaced; nothing more sent`)
  message.ack()
}

/**
 * The dead-letter consumer: a batch that kept failing. It records what was given up (its
 * subscribers not recorded count as failed; their cursor did not move, so their warnings go
 * out with the next run, and a message left in flight is adopted by it), settles the batch so
 * that the run can close, and logs the batch by run, number and subscriber ids.
 */
export async function consumeDeadLetters(
  deps: Pick<ConsumerDeps, 'catalog' | 'store' | 'queueStore' | 'publicUrl' | 'clock' | 'log'>,
  messages: readonly QueuedBatch[],
): Promise<void> {
  const firstSeen = once(() => deps.store.alertsFirstSeen())
  for (const message of messages) {
    const parsed = DigestBatchMessage.safeParse(message.body)
    if (!parsed.success) {
      deps.log(
        `digest dead letter: unreadable message dropped (${parsed.error.issues[0]?.message})`,
      )
      message.ack()
      continue
    }
    const batch = parsed.data
    const lease: Lease = { name: DIGEST_LEASE, holder: batch.runId, fence: batch.fence }
    const plan = await planBatch(deps, batch, deps.clock(), firstSeen)
    const keys: TallyKey[] = []
    const givenUp: number[] = []
    for (const { action, job } of plan) {
      if (action.kind === 'recorded') keys.push(action.as)
      else if (action.kind !== 'none') {
        keys.push('failed')
        if (job) givenUp.push(job.delivery.subscriberId)
      }
    }
    const closed = await deps.queueStore.settleBatch(
      lease,
      batch.runId,
      batch.batch,
      'dead',
      tally(keys),
      deps.clock().toISOString(),
    )
    deps.log(
      `digest ${describeBatch(batch)}: dead-lettered; ${givenUp.length} not sent (subscriber ids ${givenUp.join(', ') || 'none'}), left for the next run`,
    )
    if (closed) await logClosed(deps, batch.runId)
    message.ack()
  }
}

async function logClosed(deps: Pick<ConsumerDeps, 'queueStore' | 'log'>, runId: string) {
  const run = await deps.queueStore.runSummary(runId)
  if (run) deps.log(describeClosedRun(runId, run))
}

/** One line for logs: a queue run that closed. */
export function describeClosedRun(runId: string, run: QueueRunSummary): string {
  const c = run.counts
  const resent = c.resent > 0 ? `${c.resent} resent from an interrupted run, ` : ''
  const unconfirmed = c.unconfirmed > 0 ? `${c.unconfirmed} unconfirmed, ` : ''
  const dead = run.dead > 0 ? `, ${run.dead} dead-lettered` : ''
  return `digest ${runId}: done: ${resent}${c.sent} sent, ${unconfirmed}${c.failed} failed, ${c.bounced} bounced, ${c.skipped} skipped, of ${run.total ?? 0} subscribers in ${run.batches ?? 0} batches${dead}`
}

function describeBatch(body: unknown): string {
  const batch = body as Partial<DigestBatchMessage> | null
  return typeof batch?.runId === 'string' && typeof batch.batch === 'number'
    ? `${batch.runId} batch ${batch.batch}`
    : 'queue message'
}

/** A lazily run, shared promise. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined
  return () => {
    loaded ??= load()
    return loaded
  }
}
