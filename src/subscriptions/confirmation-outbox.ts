import type { Catalog } from '../core/catalog'
import { classifyMailError, describeMailError, type Mailer } from '../mail/mailer'
import { confirmationMail, confirmationMessageId } from '../mail/messages'
import type { MailOutboxStore, OutboxMail } from '../store/mail-outbox-store'
import { CONFIRMATION_TTL_MS } from './subscription-service'

export interface OutboxDrainDeps {
  outbox: MailOutboxStore
  mailer: Mailer
  catalog: Catalog
  publicUrl: string
  clock: () => Date
  /** Receives one line per failed attempt: the outbox row and the error, never the address. */
  log?: (line: string) => void
  /** Mails claimed per round. */
  batchSize?: number
  /**
   * Mails sent at most by this drain; the rest waits for the next one. A drain started by a
   * request must end well within the time the platform gives it after the answer.
   */
  maxMails?: number
  /** How long a claim keeps other drainers away; a drainer that died frees its mails after it. */
  claimMs?: number
  /** Wait before attempt n + 1 after n failures, in ms. */
  retryAfterMs?: (failures: number) => number
  /** Aborting stops the drain before it claims more mail (the server is shutting down). */
  signal?: AbortSignal
}

export interface DrainCounts {
  sent: number
  retried: number
  failed: number
}

/** 30 s, 2 min, 8 min, 32 min, then every 2 hours, within the link's 48 hours. */
export const outboxBackoffMs = (failures: number) =>
  Math.min(30_000 * 4 ** (failures - 1), 2 * 3600_000)

/**
 * Sends the confirmation mails waiting in the outbox until none is due. Each mail keeps one
 * Message-ID across attempts; a crash between the server's 250 and `markSent` sends it once
 * more with that Message-ID. A temporary failure or a policy block is retried with backoff
 * for as long as the link is valid (48 hours), never given up sooner. A mail sent in full
 * whose answer never came is sent once more, later, and after a second such attempt counts
 * as sent: at most two copies, both with one Message-ID. Safe to run from several places at
 * once (claims are atomic).
 */
export async function drainConfirmationOutbox(deps: OutboxDrainDeps): Promise<DrainCounts> {
  const counts: DrainCounts = { sent: 0, retried: 0, failed: 0 }
  const claimMs = deps.claimMs ?? 120_000
  let left = deps.maxMails ?? Number.POSITIVE_INFINITY
  while (left > 0 && !deps.signal?.aborted) {
    const now = deps.clock()
    const claimed = await deps.outbox.claimDue(
      now.toISOString(),
      new Date(now.getTime() + claimMs).toISOString(),
      Math.min(deps.batchSize ?? 10, left),
    )
    if (claimed.length === 0) break
    left -= claimed.length
    for (const mail of claimed) counts[await sendOne(deps, mail)]++
  }
  return counts
}

/** One line for logs: what a drain did, or null when it found nothing to send. */
export function describeDrain(counts: DrainCounts): string | null {
  if (counts.sent + counts.retried + counts.failed === 0) return null
  return `confirmation outbox: ${counts.sent} sent, ${counts.retried} to retry, ${counts.failed} given up`
}

async function sendOne(deps: OutboxDrainDeps, mail: OutboxMail): Promise<keyof DrainCounts> {
  const { outbox, clock } = deps
  const now = clock()
  const expired = Date.parse(mail.createdAt) + CONFIRMATION_TTL_MS <= now.getTime()
  const log = deps.log ?? (() => {})
  if (expired) {
    await outbox.markFailed(mail.id, 'the confirmation link expired before the mail could be sent')
    log(`confirmation mail ${mail.id} failed: its link expired before it could be sent`)
    return 'failed'
  }
  try {
    const message = await confirmationMail(
      { publicUrl: deps.publicUrl },
      {
        to: mail.recipient,
        confirmToken: mail.confirmToken,
        unsubscribeToken: mail.unsubscribeToken,
        companyNames: (mail.companies ?? []).flatMap(
          (slug) => deps.catalog.companies.get(slug)?.name ?? [],
        ),
        messageId: confirmationMessageId(mail.id, mail.createdAt, deps.publicUrl),
        date: new Date(mail.createdAt),
      },
    )
    await deps.mailer.send(message)
  } catch (error) {
    const problem = describeMailError(error)
    const kind = classifyMailError(error)
    if (kind === 'unknown' && mail.unconfirmedAttempts >= 1) {
      await outbox.markSent(mail.id, clock().toISOString(), `unconfirmed twice: ${problem}`)
      log(`confirmation mail ${mail.id} sent twice without an answer; counted as sent: ${problem}`)
      return 'sent'
    }
    if (kind === 'bounce' || kind === 'permanent') {
      await outbox.markFailed(mail.id, problem)
      log(
        `confirmation mail ${mail.id} failed, given up after attempt ${mail.attempts}: ${problem}`,
      )
      return 'failed'
    }
    const wait = (deps.retryAfterMs ?? outboxBackoffMs)(mail.attempts)
    const next = new Date(now.getTime() + wait).toISOString()
    await outbox.markRetry(mail.id, problem, next, kind === 'unknown')
    log(
      `confirmation mail ${mail.id} failed for now (attempt ${mail.attempts}), retried in ${Math.round(wait / 1000)} s: ${problem}`,
    )
    return 'retried'
  }
  await outbox.markSent(mail.id, clock().toISOString())
  return 'sent'
}

/**
 * Runs `drain` one at a time: a kick while it runs makes it run once more afterwards, so a
 * mail queued during a drain is never left waiting for the timer.
 */
export function singleFlight(drain: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false
  const loop = async () => {
    do {
      again = false
      await drain()
    } while (again)
  }
  return () => {
    if (running) {
      again = true
      return running
    }
    running = loop().finally(() => {
      running = null
    })
    return running
  }
}
