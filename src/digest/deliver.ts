import type { Alert } from '../core/alert-schema'
import { classifyMailError, describeMailError, type Mailer, type MailMessage } from '../mail/mailer'
import { type DigestMailInput, digestMail } from '../mail/messages'
import type { DeliveryKey, DeliveryRecord, DigestStore, Lease } from '../store/digest-store'

/** One digest message to one subscriber, identified by its delivery (run, subscriber). */
export interface DeliveryJob {
  delivery: DeliveryKey
  email: string
  unsubscribeToken: string
  alerts: readonly Alert[]
  /** Where the subscriber's cursor moves once the message is sent. */
  cutoff: string
  messageId: string
  date: Date
  /**
   * The message may already have gone out (a run that died mid-send, an answer that never
   * came): it is sent again as it was, and an unknown outcome this time counts as delivered.
   */
  adopted: boolean
}

/**
 * `unconfirmed`: the whole message went out and its answer never came. A first delivery stays
 * in flight (`sending`, with its Message-ID) for the next run, which sends it once more with
 * the same Message-ID; an adopted one that meets this again counts as delivered, so a relay
 * that keeps answering too late gets at most two copies, never one with another Message-ID.
 * `retry`: failed for now, and a queue run sends it again (see DeliveryDeps.temporaryFailure).
 * `contended`: another consumer holds the delivery's claim; `lease-lost`: the run's fence
 * moved; `stopped`: asked to stop before it was sent. None of these three sent anything.
 */
export type DeliveryResult =
  | 'sent'
  | 'unconfirmed'
  | 'failed'
  | 'bounced'
  | 'skipped'
  | 'retry'
  | 'contended'
  | 'lease-lost'
  | 'stopped'

export interface DeliveryDeps {
  store: DigestStore
  mailer: Mailer
  publicUrl: string
  clock: () => Date
  lease: Lease
  /** False once the run must not start another send (lease lost, asked to stop). */
  maySend: () => boolean
  /** Attempts per message in this process for temporary failures (a 4xx, a connection lost before the message went out). */
  attempts: number
  /** Backoff before retry n (1-based), in ms. */
  backoffMs: (retry: number) => number
  sleep: (ms: number) => Promise<void>
  /**
   * What a temporary failure becomes once this process's attempts are spent: `fail` (the
   * in-process runner: the warnings go out with the next run) or `retry` (a queue consumer:
   * the delivery is kept for the queue's next delivery of its batch, with the same Message-ID).
   */
  temporaryFailure: 'fail' | 'retry'
  /**
   * How long a begun delivery stays ours. 0 for a runner that holds the lease alone; a queue
   * consumer claims longer than a send can take, so a duplicate queue message sends nothing.
   */
  claimMs: number
  /** Runs one send when a connection is free (one limit shared by every call in flight). */
  limit?: <T>(send: () => Promise<T>) => Promise<T>
  /**
   * `each`: a send's outcome is written as soon as it is known, before its connection takes
   * the next message (the Node runner: a crash re-sends at most the messages answered in that
   * moment, and the SQLite adapter commits records that arrive together in one transaction).
   * `round`: every outcome of a round in one batch (a queue consumer: one D1 round trip; the
   * queue's batch is the unit of redelivery anyway). `round` by default.
   */
  record?: 'each' | 'round'
  /**
   * Re-read each subscriber's status just before its send, so an unsubscribe after its
   * delivery was begun is still honoured (the Node runner, which begins several at a time; a
   * read costs it microseconds). A queue consumer begins each chunk just before sending it
   * and spares D1 the extra round trip per message.
   */
  recheckSubscriber?: boolean
  /** Called once for each job whose result is final, as soon as it is (progress, lease loss). */
  onResult?: (index: number, result: DeliveryResult) => void
  /** Renders a job's message; digestMail by default (a DigestRenderer shares work between jobs). */
  render?: (input: DigestMailInput) => Promise<MailMessage>
  /** Called once each send's outcome is known, before it is recorded (development fault injection). */
  afterSend?: () => void
}

/** A decided outcome: what to write, and what to report. */
interface Decision {
  record: DeliveryRecord
  result: DeliveryResult
}

/**
 * Delivers digests exactly once as far as the store can tell, with the rules both runtimes
 * share: every delivery is written `sending` (fenced, claimed, with its Message-ID) before
 * its SMTP transaction, and `sent` with the cursor only after the server's 250. Temporary
 * failures are retried with backoff, but never a message whose outcome is unknown (see
 * DeliveryResult). A message left with no warnings (all withdrawn since it was first written)
 * is not sent. A policy block fails the delivery without marking the address bounced.
 *
 * The writes of a round go out as one batch each: the `sending` rows of every job, then every
 * outcome. Whatever the mailer throws ends in a result. If something else throws mid-round
 * (the store, `afterSend`), the outcomes already known are recorded and the deliveries begun
 * but not attempted are released (known not sent) before the error goes on.
 */
export async function deliverDigests(
  deps: DeliveryDeps,
  jobs: readonly DeliveryJob[],
): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = jobs.map(() => 'stopped')
  const messages = new Map<number, Promise<MailMessage>>()
  const renderMail = deps.render ?? ((input: DigestMailInput) => digestMail(deps, input))
  const render = (i: number) => {
    let message = messages.get(i)
    if (!message) {
      const job = jobs[i]!
      message = renderMail({
        to: job.email,
        alerts: job.alerts,
        unsubscribeToken: job.unsubscribeToken,
        messageId: job.messageId,
        date: job.date,
      })
      messages.set(i, message)
    }
    return message
  }
  // For the in-process runner a temporary failure whose attempts are spent is final for this
  // run; it was recorded the same way (a first delivery `failed`, an adopted one in flight).
  const final = (result: DeliveryResult): DeliveryResult =>
    result === 'retry' && deps.temporaryFailure === 'fail' ? 'failed' : result
  const reported = new Set<number>()
  const settle = (i: number, result: DeliveryResult) => {
    results[i] = final(result)
    reported.add(i)
    deps.onResult?.(i, results[i]!)
  }
  let pending = jobs.map((_, i) => i)
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (!deps.maySend()) {
      // Recorded as failed for now, known not sent; nothing more happens to them in this run.
      for (const i of pending) settle(i, 'stopped')
      break
    }
    const retryNow = await deliveryRound(deps, jobs, pending, attempt, render, settle)
    if (retryNow.length === 0) break
    await deps.sleep(deps.backoffMs(attempt))
    pending = retryNow
  }
  for (const [i, result] of results.entries()) if (!reported.has(i)) settle(i, result)
  return results
}

/** One attempt at the given jobs; returns the ones to try again in this process. */
async function deliveryRound(
  deps: DeliveryDeps,
  jobs: readonly DeliveryJob[],
  indices: readonly number[],
  attempt: number,
  render: (i: number) => Promise<MailMessage>,
  settle: (i: number, result: DeliveryResult) => void,
): Promise<number[]> {
  const { store, lease, clock } = deps
  const now = () => clock().toISOString()
  const started = clock()
  const begun = await store.beginDeliveries(
    lease,
    indices.map((i) => {
      const job = jobs[i]!
      return {
        delivery: job.delivery,
        alertIds: job.alerts.map((a) => a.id),
        messageId: job.messageId,
        withdrawn: job.alerts.length === 0,
      }
    }),
    started.toISOString(),
    new Date(started.getTime() + deps.claimMs).toISOString(),
  )
  const toSend: number[] = []
  let refused = false
  begun.forEach((status, k) => {
    const i = indices[k]!
    if (status === 'sending') toSend.push(i)
    else if (status === 'skipped') settle(i, 'skipped')
    else refused = true
  })
  if (refused) {
    // The fence or another consumer's claim said no; which one decides what the caller does.
    const held = await store.holdsLease(lease, now())
    begun.forEach((status, k) => {
      if (status === 'refused') settle(indices[k]!, held ? 'contended' : 'lease-lost')
    })
  }

  const decided = new Map<number, Decision>()
  const retryNow: number[] = []
  const notAttempted = new Set(toSend)
  const failure: { thrown: boolean; error?: unknown } = { thrown: false }
  /** Writes outcomes (fenced) and reports the final ones; a write the fence refused is lease-lost. */
  const record = async (entries: [number, Decision][]) => {
    const written = await store.recordDeliveries(
      lease,
      entries.map(([i, d]) => ({ delivery: jobs[i]!.delivery, record: d.record })),
      now(),
    )
    entries.forEach(([i, d], k) => {
      // A write the fence refused: the next holder sends it again with the same Message-ID.
      if (!written[k]) settle(i, 'lease-lost')
      else if (!retryNow.includes(i)) settle(i, d.result)
    })
  }
  const sendOne = async (i: number) => {
    if (failure.thrown || !deps.maySend()) return
    const message = await render(i)
    notAttempted.delete(i)
    const job = jobs[i]!
    let decision: Decision
    try {
      if (deps.recheckSubscriber && !(await store.isActive(job.delivery.subscriberId)))
        decision = UNSUBSCRIBED
      else {
        await deps.mailer.send(message)
        decision = { record: { kind: 'sent', cursor: job.cutoff }, result: 'sent' }
      }
    } catch (error) {
      decision = decideFailure(job, error)
      // Recorded as failed for now, so the next attempt takes it again like any other.
      if (decision.result === 'retry' && attempt < deps.attempts) retryNow.push(i)
    }
    decided.set(i, decision)
    deps.afterSend?.()
    if (deps.record !== 'each') return
    await record([[i, decision]])
    // Kept until written: if the write throws, the round's last write tries it once more.
    decided.delete(i)
  }
  const limit = deps.limit ?? ((send) => send())
  await Promise.all(
    toSend.map((i) =>
      limit(() =>
        sendOne(i).catch((error: unknown) => {
          if (!failure.thrown) Object.assign(failure, { thrown: true, error })
        }),
      ),
    ),
  )
  // Begun but never attempted (asked to stop, or something threw): known not sent.
  for (const i of notAttempted) {
    const error = 'stopped before sending'
    decided.set(i, {
      record: jobs[i]!.adopted ? { kind: 'in-flight', error } : { kind: 'retry', error },
      result: 'stopped',
    })
  }
  await record([...decided])
  if (failure.thrown) throw failure.error
  return retryNow
}

/** A subscriber who left after the delivery was begun and before its message went out. */
const UNSUBSCRIBED: Decision = {
  record: { kind: 'ended', end: 'skipped', error: 'no longer subscribed when its turn came' },
  result: 'skipped',
}

/**
 * The rules for a failed send: a bounce marks the address; a policy block or another 5xx
 * fails this delivery only; an unknown outcome is never sent again in this run (an adopted
 * message meeting it twice counts as delivered); a temporary failure is tried again, here
 * while attempts are left, then by the queue or by the next run.
 */
function decideFailure(job: DeliveryJob, thrown: unknown): Decision {
  const error = describeMailError(thrown)
  const kind = classifyMailError(thrown)
  if (kind === 'bounce')
    return { record: { kind: 'ended', end: 'bounced', error }, result: 'bounced' }
  if (kind === 'permanent' || kind === 'blocked')
    return { record: { kind: 'ended', end: 'failed', error }, result: 'failed' }
  if (kind === 'unknown') {
    return job.adopted
      ? {
          record: { kind: 'sent', cursor: job.cutoff, note: `unconfirmed twice: ${error}` },
          result: 'unconfirmed',
        }
      : { record: { kind: 'unconfirmed', error }, result: 'unconfirmed' }
  }
  if (job.adopted) return { record: { kind: 'in-flight', error }, result: 'retry' }
  return { record: { kind: 'retry', error }, result: 'retry' }
}
