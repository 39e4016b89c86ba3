import pLimit from 'p-limit'
import type { Catalog } from '../core/catalog'
import { chunked } from '../core/chunked'
import { alertsForDigest } from '../core/digest/select-alerts'
import { describeMailError, type Mailer } from '../mail/mailer'
import { createDigestRenderer, digestMessageId } from '../mail/messages'
import type { DigestStore, InFlightDelivery, RunCounts } from '../store/digest-store'
import { type DeliveryDeps, type DeliveryJob, type DeliveryResult, deliverDigests } from './deliver'
import { holdLease } from './lease-keeper'

export interface DigestDeps {
  catalog: Catalog
  store: DigestStore
  mailer: Mailer
  publicUrl: string
  clock: () => Date
  /** Messages in flight at once; match the SMTP pool's connections. */
  concurrency?: number
  /** Attempts per message for temporary failures (a 4xx, a connection lost before the message went out). */
  attempts?: number
  /** Backoff before retry n (1-based), in ms. */
  backoffMs?: (retry: number) => number
  /** Subscribers read per page; memory stays flat whatever the total. */
  pageSize?: number
  /** The lease's time to live, renewed every quarter of it while the run is alive. */
  leaseMs?: number
  /** Aborting stops the run before its next send (SIGTERM, the parent process died). */
  signal?: AbortSignal
  onProgress?: (progress: DigestProgress) => void
  /** Called with errors a delivery could not turn into a result (a database error, say). */
  logError?: (error: unknown) => void
  sleep?: (ms: number) => Promise<void>
}

/**
 * A run's counts so far (RunCounts: `unconfirmed` is sent without an answer, in flight for the
 * next run or taken as delivered; `resent` is left in flight by a dead run and sent again with
 * its first Message-ID), of `total` subscribers, `done` of them handled.
 */
export interface DigestProgress extends RunCounts {
  total: number
  done: number
}

/**
 * `done`: every subscriber was handled; `busy`: another run holds the lease; `lease-lost`: a
 * newer run took the lease and this one stopped before its next send; `stopped`: aborted.
 */
export type DigestStatus = 'done' | 'busy' | 'lease-lost' | 'stopped'

export type DigestOutcome = DigestProgress & { runId: string; status: DigestStatus }

export const DIGEST_LEASE = 'digest'
/** Short, so the lease of a crashed run frees within a minute. */
export const DEFAULT_LEASE_MS = 60_000

/**
 * Deliveries written `sending` in one transaction before their messages go out. A crash can
 * leave this many per group begun but not sent; the next run sends them with their
 * Message-ID like any other it adopts, so none goes out twice because of it.
 */
export const BEGIN_AHEAD = 10

/** Run ids sort by start time and never collide, even for two runs started in one millisecond. */
export function newRunId(started: Date): string {
  const stamp = started.toISOString().replace(/[-:.]/g, '').replace('T', '-').replace('Z', '')
  return `${stamp}-${Math.random().toString(36).slice(2, 8)}`
}

/**
 * Sends every active subscriber one e-mail with the alerts first seen since their last digest.
 *
 * Exactly once per delivery (run, subscriber): the subscriber's cursor moves only together
 * with the delivery marked `sent`, after the SMTP server's 250, and only while this run holds
 * the lease (fenced writes). A run first adopts the messages a dead run (or an unanswered send
 * of an earlier run) left `sending` and sends them again with their first Message-ID; the only
 * duplicates left are a message whose 250 arrived just before the crash and one whose answer
 * never came, and each carries the same Message-ID as the first copy.
 */
export async function runDigest(deps: DigestDeps): Promise<DigestOutcome> {
  const { store, catalog, clock } = deps
  const started = clock()
  const runId = newRunId(started)
  const progress: DigestProgress = {
    total: 0,
    done: 0,
    sent: 0,
    unconfirmed: 0,
    failed: 0,
    bounced: 0,
    skipped: 0,
    resent: 0,
  }
  // Asked to stop before it began (a shutdown raced the timer): nothing to record.
  if (deps.signal?.aborted) return { ...progress, runId, status: 'stopped' }
  const held = await holdLease({
    store,
    name: DIGEST_LEASE,
    holder: runId,
    clock,
    ttlMs: deps.leaseMs ?? DEFAULT_LEASE_MS,
  })
  if (!held) return { ...progress, runId, status: 'busy' }

  const concurrency = deps.concurrency ?? 3
  let leaseLost = false
  const maySend = () => !leaseLost && held.isHeld() && !deps.signal?.aborted
  const delivery: DeliveryDeps = {
    store,
    mailer: deps.mailer,
    publicUrl: deps.publicUrl,
    clock,
    lease: held.lease,
    maySend,
    attempts: deps.attempts ?? 4,
    backoffMs: deps.backoffMs ?? ((retry) => 1000 * 4 ** (retry - 1)),
    sleep: deps.sleep ?? ((ms) => sleepUnlessAborted(ms, deps.signal)),
    temporaryFailure: 'fail',
    // The lease keeps every other runner away, so a delivery needs no claim of its own.
    claimMs: 0,
    limit: pLimit(concurrency),
    record: 'each',
    recheckSubscriber: true,
    render: createDigestRenderer({ publicUrl: deps.publicUrl }),
  }
  const logError = deps.logError ?? console.error
  const alertsById = catalog.alertsById
  /** Counts a delivery's final result; one that stays for a later run is not done. */
  const count = (result: DeliveryResult) => {
    if (result === 'lease-lost') leaseLost = true
    if (!isCounted(result)) return
    progress[result]++
    progress.done++
    deps.onProgress?.({ ...progress })
  }
  /** A subscriber with no new warnings (or one whose last message is still in flight). */
  const nothingNew = () => {
    progress.done++
    deps.onProgress?.({ ...progress })
  }
  /** Delivers jobs, counting each result as it comes; nothing thrown ends the run. */
  const deliver = async (
    jobs: DeliveryJob[],
    onResult: (job: DeliveryJob, result: DeliveryResult) => void,
  ) => {
    const reported = new Set<number>()
    try {
      await deliverDigests(
        {
          ...delivery,
          onResult: (i, result) => {
            reported.add(i)
            onResult(jobs[i]!, result)
          },
        },
        jobs,
      )
    } catch (error) {
      logError(new Error(`digest delivery failed: ${describeMailError(error)}`))
      for (const [i, job] of jobs.entries()) if (!reported.has(i)) onResult(job, 'failed')
    }
  }

  try {
    const cutoff = started.toISOString()
    await store.registerAlerts(
      catalog.alerts.map((a) => a.id),
      cutoff,
    )
    const firstSeen = await store.alertsFirstSeen()
    await store.startRun(runId, cutoff, held.lease)

    // Messages a dead run left in flight go first, as they were; their subscribers wait for
    // the next run if they cannot be sent now, so they never get a second, different message.
    const stillInFlight = new Set<number>()
    const adopted = (left: InFlightDelivery): DeliveryJob => ({
      delivery: left,
      email: left.email,
      unsubscribeToken: left.unsubscribeToken,
      alerts: left.alertIds.flatMap((id) => alertsById.get(id) ?? []),
      cutoff: left.cutoff,
      messageId: digestMessageId(left.runId, left.subscriberId, deps.publicUrl),
      date: new Date(left.firstAttemptAt),
      adopted: true,
    })
    await deliver((await store.inFlight(runId)).map(adopted), (job, result) => {
      if (result === 'lease-lost') leaseLost = true
      if (result === 'sent') progress.resent++
      else if (result === 'unconfirmed') progress.unconfirmed++
      else if (result !== 'bounced' && result !== 'skipped')
        stillInFlight.add(job.delivery.subscriberId)
    })
    if (maySend()) await store.closeAbandonedRuns(runId, clock().toISOString(), held.lease)

    progress.total = await store.countActive()
    deps.onProgress?.({ ...progress })
    const pageSize = deps.pageSize ?? 500
    const groups = pLimit(concurrency)
    let afterId = 0
    while (maySend()) {
      const page = await store.activePage(afterId, pageSize)
      if (page.length === 0) break
      afterId = page.at(-1)!.id
      const jobs: DeliveryJob[] = []
      for (const subscriber of page) {
        const alerts = alertsForDigest(catalog.alerts, firstSeen, subscriber, cutoff)
        if (alerts.length > 0 && !stillInFlight.has(subscriber.id))
          jobs.push({
            delivery: { runId, subscriberId: subscriber.id },
            email: subscriber.email,
            unsubscribeToken: subscriber.unsubscribeToken,
            alerts,
            cutoff,
            messageId: digestMessageId(runId, subscriber.id, deps.publicUrl),
            date: clock(),
            adopted: false,
          })
        else nothingNew()
      }
      // One page at a time, so memory does not grow with the subscribers. Its deliveries are
      // begun (written `sending`) BEGIN_AHEAD at a time, `concurrency` such groups in flight:
      // a group waiting out a retry's backoff holds one group's place, not every connection.
      await Promise.all(
        chunked(jobs, BEGIN_AHEAD).map((group) => groups(() => deliver(group, (_, r) => count(r)))),
      )
    }
    const status: DigestStatus =
      leaseLost || !held.isHeld() ? 'lease-lost' : deps.signal?.aborted ? 'stopped' : 'done'
    // A run that lost its lease leaves its row to the run that took over, which closes it.
    if (status !== 'lease-lost')
      await store.finishRun(runId, progress, clock().toISOString(), held.lease, status)
    return { ...progress, runId, status }
  } finally {
    // Released whatever happened above. If even that fails (the database is gone), the lease
    // still expires within its short time to live, because the heartbeat has stopped.
    await held.release().catch((error: unknown) => logError(error))
  }
}

/** Results that end a delivery in this run; the others leave it for a later one. */
function isCounted(
  result: DeliveryResult,
): result is 'sent' | 'unconfirmed' | 'failed' | 'bounced' | 'skipped' {
  return (
    result === 'sent' ||
    result === 'unconfirmed' ||
    result === 'failed' ||
    result === 'bounced' ||
    result === 'skipped'
  )
}

/** A backoff that ends early when the run is asked to stop, so a shutdown never waits it out. */
function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** One line for logs: what a run did. */
export function describeOutcome(outcome: DigestOutcome): string {
  if (outcome.status === 'busy')
    return `digest ${outcome.runId}: another run holds the lease; nothing sent`
  const idle =
    outcome.done -
    outcome.sent -
    outcome.unconfirmed -
    outcome.failed -
    outcome.bounced -
    outcome.skipped
  const resent = outcome.resent > 0 ? `${outcome.resent} resent from an interrupted run, ` : ''
  const unconfirmed =
    outcome.unconfirmed > 0
      ? `${outcome.unconfirmed} unconfirmed (sent, no answer from the relay), `
      : ''
  const ending =
    outcome.status === 'lease-lost'
      ? '; stopped: another run took over the lease'
      : outcome.status === 'stopped'
        ? `; stopped early, ${outcome.total - outcome.done} left for the next run`
        : ''
  return `digest ${outcome.runId}: ${resent}${outcome.sent} sent, ${unconfirmed}${outcome.failed} failed, ${outcome.bounced} bounced, ${outcome.skipped} skipped, ${idle} with nothing new, of ${outcome.total} subscribers${ending}`
}
