import pLimit from 'p-limit'
import type { Alert } from '../core/alert-schema'
import type { Catalog } from '../core/catalog'
import { alertsForDigest } from '../core/digest/select-alerts'
import { classifyMailError, type Mailer } from '../mail/mailer'
import { digestMail } from '../mail/messages'
import type { SubscriptionStore } from '../store/subscription-store'

export interface DigestDeps {
  catalog: Catalog
  store: SubscriptionStore
  mailer: Mailer
  publicUrl: string
  clock: () => Date
  /** Messages in flight at once; match the SMTP pool's connections. */
  concurrency?: number
  /** Attempts per message for temporary failures (4xx, dropped connections, timeouts). */
  attempts?: number
  /** Backoff before retry n (1-based), in ms. */
  backoffMs?: (retry: number) => number
  /** Subscribers read per page; memory stays flat whatever the total. */
  pageSize?: number
  onProgress?: (progress: DigestProgress) => void
  sleep?: (ms: number) => Promise<void>
}

export interface DigestProgress {
  total: number
  done: number
  sent: number
  failed: number
  bounced: number
  skipped: number
}

export type DigestOutcome = DigestProgress & { runId: string; status: 'done' | 'busy' }

const LEASE = 'digest'
const LEASE_MS = 30 * 60 * 1000

/**
 * Sends every active subscriber one e-mail with the alerts first seen since their last digest.
 *
 * Exactly once: the subscriber's cursor moves only together with the delivery marked 'sent',
 * after the SMTP server's 250, so a crash or SMTP failure followed by a rerun neither loses nor
 * repeats a digest. The one exception: a process killed between the 250 and that write repeats
 * the single message then in flight (its Message-ID is the same, so clients may fold it).
 */
export async function runDigest(deps: DigestDeps): Promise<DigestOutcome> {
  const { store, catalog, clock } = deps
  const started = clock()
  const runId = started.toISOString().replace(/[-:.]/g, '').replace('T', '-').replace('Z', '')
  const holder = `${runId}-${Math.random().toString(36).slice(2)}`
  const progress: DigestProgress = { total: 0, done: 0, sent: 0, failed: 0, bounced: 0, skipped: 0 }
  if (
    !(await store.acquireLease(
      LEASE,
      holder,
      started.toISOString(),
      new Date(started.getTime() + LEASE_MS).toISOString(),
    ))
  ) {
    return { ...progress, runId, status: 'busy' }
  }
  try {
    const cutoff = started.toISOString()
    await store.housekeeping(started)
    await store.registerAlerts(
      catalog.alerts.map((a) => a.id),
      cutoff,
    )
    const firstSeen = await store.alertsFirstSeen()
    await store.startRun(runId, cutoff)
    progress.total = await store.countActive()
    deps.onProgress?.({ ...progress })

    const limit = pLimit(deps.concurrency ?? 3)
    const pageSize = deps.pageSize ?? 500
    let afterId = 0
    for (;;) {
      const page = await store.activePage(afterId, pageSize)
      if (page.length === 0) break
      afterId = page.at(-1)!.id
      // One page at a time: at most pageSize sends are queued, and limit() keeps
      // `concurrency` of them in flight, so memory does not grow with the subscribers.
      await Promise.all(
        page.map((subscriber) =>
          limit(async () => {
            const alerts = alertsForDigest(catalog.alerts, firstSeen, subscriber, cutoff)
            if (alerts.length > 0) {
              const outcome = await deliver(
                deps,
                runId,
                subscriber.id,
                subscriber.email,
                subscriber.unsubscribeToken,
                alerts,
                cutoff,
              )
              progress[outcome]++
            }
            progress.done++
            deps.onProgress?.({ ...progress })
          }),
        ),
      )
    }
    await store.finishRun(runId, progress, clock().toISOString())
    return { ...progress, runId, status: 'done' }
  } finally {
    await store.releaseLease(LEASE, holder)
  }
}

async function deliver(
  deps: DigestDeps,
  runId: string,
  subscriberId: number,
  email: string,
  unsubscribeToken: string,
  alerts: Alert[],
  cutoff: string,
): Promise<'sent' | 'failed' | 'bounced' | 'skipped'> {
  const { store, mailer, clock } = deps
  const attempts = deps.attempts ?? 4
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)))
  const backoff = deps.backoffMs ?? ((retry: number) => 1000 * 4 ** (retry - 1))
  const message = await digestMail(
    { publicUrl: deps.publicUrl },
    email,
    alerts,
    unsubscribeToken,
    runId,
    subscriberId,
    clock(),
  )
  let lastError = ''
  for (let attempt = 1; attempt <= attempts; attempt++) {
    // Re-checked before every attempt: an unsubscribe during the run is honoured at once.
    if ((await store.statusById(subscriberId)) !== 'active') {
      await store.markSending(
        runId,
        subscriberId,
        alerts.map((a) => a.id),
        clock().toISOString(),
      )
      await store.markSkipped(runId, subscriberId, clock().toISOString())
      return 'skipped'
    }
    await store.markSending(
      runId,
      subscriberId,
      alerts.map((a) => a.id),
      clock().toISOString(),
    )
    try {
      const result = await mailer.send(message)
      await store.markSent(runId, subscriberId, result.messageId, cutoff, clock().toISOString())
      return 'sent'
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
      const kind = classifyMailError(error)
      if (kind === 'bounce') {
        await store.markBounced(runId, subscriberId, lastError, clock().toISOString())
        return 'bounced'
      }
      if (kind === 'permanent' || attempt === attempts) break
      await sleep(backoff(attempt))
    }
  }
  await store.markFailed(runId, subscriberId, lastError, clock().toISOString())
  return 'failed'
}

/** One line for logs: what a run did. */
export function describeOutcome(outcome: DigestOutcome): string {
  if (outcome.status === 'busy')
    return `digest ${outcome.runId}: another run holds the lease; nothing sent`
  const idle = outcome.total - outcome.sent - outcome.failed - outcome.bounced - outcome.skipped
  return `digest ${outcome.runId}: ${outcome.sent} sent, ${outcome.failed} failed, ${outcome.bounced} bounced, ${outcome.skipped} skipped, ${idle} with nothing new, of ${outcome.total} subscribers`
}
