import type { Alert } from '../core/alert-schema'
import { classifyMailError, describeMailError, type Mailer } from '../mail/mailer'
import { digestMail } from '../mail/messages'
import type { DeliveryKey, DigestStore, Lease } from '../store/digest-store'

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
  /** Adopted from a dead run: a temporary failure leaves it in flight for the next run. */
  adopted: boolean
}

/**
 * `unconfirmed`: the whole message went out and its answer never came. A first delivery stays
 * in flight (`sending`, with its Message-ID) for the next run, which sends it once more with
 * the same Message-ID; an adopted one that meets this again counts as delivered, so a relay
 * that keeps answering too late gets at most two copies, never one with another Message-ID.
 */
export type DeliveryResult =
  | 'sent'
  | 'unconfirmed'
  | 'failed'
  | 'bounced'
  | 'skipped'
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
  /** Attempts per message for temporary failures (a 4xx, a connection lost before the message went out). */
  attempts: number
  /** Backoff before retry n (1-based), in ms. */
  backoffMs: (retry: number) => number
  sleep: (ms: number) => Promise<void>
}

/**
 * Delivers one digest exactly once as far as the store can tell: `sending` (fenced, with its
 * Message-ID) before the SMTP transaction, `sent` with the cursor only after the server's 250.
 * Temporary failures are retried with backoff, but never a message whose outcome is unknown
 * (see DeliveryResult). A message left with no warnings (all withdrawn since a dead run wrote
 * it) is not sent. A policy block fails the delivery without marking the address bounced.
 * Whatever the mailer throws ends in a result; these are the rules a queue consumer reuses.
 */
export async function deliverDigest(deps: DeliveryDeps, job: DeliveryJob): Promise<DeliveryResult> {
  const { store, clock, lease } = deps
  const { delivery } = job
  const now = () => clock().toISOString()
  const alertIds = job.alerts.map((a) => a.id)
  const message = await digestMail(
    { publicUrl: deps.publicUrl },
    {
      to: job.email,
      alerts: job.alerts,
      unsubscribeToken: job.unsubscribeToken,
      messageId: job.messageId,
      date: job.date,
    },
  )
  let lastError = ''
  for (let attempt = 1; attempt <= deps.attempts; attempt++) {
    if (!deps.maySend()) return 'stopped'
    // Re-checked before every attempt: an unsubscribe during the run is honoured at once.
    const active = (await store.statusById(delivery.subscriberId)) === 'active'
    if (!(await store.markSending(lease, delivery, alertIds, job.messageId, now())))
      return 'lease-lost'
    if (!active || job.alerts.length === 0) {
      const why = active ? 'every warning it carried was withdrawn' : ''
      await store.markEnded(lease, delivery, 'skipped', why, now())
      return 'skipped'
    }
    try {
      await deps.mailer.send(message)
    } catch (error) {
      lastError = describeMailError(error)
      const kind = classifyMailError(error)
      if (kind === 'bounce') {
        await store.markEnded(lease, delivery, 'bounced', lastError, now())
        return 'bounced'
      }
      if (kind === 'permanent' || kind === 'blocked') {
        await store.markEnded(lease, delivery, 'failed', lastError, now())
        return 'failed'
      }
      if (kind === 'unknown') return unconfirmed(deps, job, lastError)
      if (attempt < deps.attempts) await deps.sleep(deps.backoffMs(attempt))
      continue
    }
    // Sent. If the lease was lost meanwhile, this write is refused and the next run sends the
    // message again with the same Message-ID: the one duplicate no store can rule out.
    return (await store.markSent(lease, delivery, job.cutoff, now())) ? 'sent' : 'lease-lost'
  }
  if (job.adopted) await store.markStillInFlight(lease, delivery, lastError, now())
  else await store.markEnded(lease, delivery, 'failed', lastError, now())
  return 'failed'
}

/** The message went out and no answer came: never sent again by this run (see DeliveryResult). */
async function unconfirmed(
  deps: DeliveryDeps,
  job: DeliveryJob,
  error: string,
): Promise<DeliveryResult> {
  const { store, lease } = deps
  const now = deps.clock().toISOString()
  const recorded = job.adopted
    ? await store.markSent(lease, job.delivery, job.cutoff, now, `unconfirmed twice: ${error}`)
    : await store.markStillInFlight(lease, job.delivery, error, now)
  return recorded ? 'unconfirmed' : 'lease-lost'
}
