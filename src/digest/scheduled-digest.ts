import { type DigestSchedule, isDigestDue } from '../core/digest/schedule'
import type { DigestStore } from '../store/digest-store'
import { type DigestOutcome, describeOutcome } from './run-digest'

export interface ScheduledDigestDeps {
  schedule: DigestSchedule
  store: Pick<DigestStore, 'lastCompletedRun'>
  /** The moment the timer or cron fired. */
  now: Date
  /** Why digests must not go out (no mail transport, links to localhost), or null. */
  refusal: string | null
  run: () => Promise<DigestOutcome>
}

export type ScheduledDigestResult =
  | { kind: 'not-due' }
  | { kind: 'refused'; reason: string }
  | { kind: 'ran'; outcome: DigestOutcome }

/**
 * What the Node server's timer and the Worker's cron do on each tick: start the digest when
 * it is due (src/core/digest/schedule.ts), unless it must not go out, in which case the
 * refusal says why and no cursor moves. Outside the digest hour it asks the database nothing.
 */
export async function runScheduledDigest(
  deps: ScheduledDigestDeps,
): Promise<ScheduledDigestResult> {
  const { schedule, now } = deps
  if (!isDigestDue({ ...schedule, now, lastCompletedRun: null })) return { kind: 'not-due' }
  const lastCompletedRun = await deps.store.lastCompletedRun()
  if (!isDigestDue({ ...schedule, now, lastCompletedRun })) return { kind: 'not-due' }
  if (deps.refusal !== null) return { kind: 'refused', reason: deps.refusal }
  return { kind: 'ran', outcome: await deps.run() }
}

/** One line for logs, or null when there is nothing to say (not due). */
export function describeScheduledDigest(result: ScheduledDigestResult): string | null {
  if (result.kind === 'not-due') return null
  if (result.kind === 'refused') return `digest not run: ${result.reason}`
  return describeOutcome(result.outcome)
}
