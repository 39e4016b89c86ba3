import { type DigestSchedule, isDigestDue } from '../core/digest/schedule'
import type { DigestStore } from '../store/digest-store'
import { type DigestOutcome, describeOutcome } from './run-digest'

export interface ScheduledDigestDeps<T> {
  schedule: DigestSchedule
  store: Pick<DigestStore, 'lastCompletedRun'>
  /** The moment the timer or cron fired. */
  now: Date
  /** Why digests must not go out (no mail transport, links to localhost), or null. */
  refusal: string | null
  /** Runs the digest: in this process on Node, or opens a queue run on the Worker. */
  run: () => Promise<T>
  /**
   * What the caller remembers across ticks (one per process or isolate): the latest completed
   * run it has read. It only ever grows, so once it shows today's run, later ticks that day
   * need not ask the database.
   */
  known?: { lastCompletedRun: string | null }
}

export type ScheduledDigestResult<T = DigestOutcome> =
  | { kind: 'not-due' }
  | { kind: 'refused'; reason: string }
  | { kind: 'ran'; outcome: T }

/**
 * What the Node server's timer and the Worker's cron do on each tick: start the digest when
 * it is due (src/core/digest/schedule.ts), unless it must not go out, in which case the
 * refusal says why and no cursor moves. Before the digest hour, and once `known` shows that
 * today's run completed, it asks the database nothing.
 */
export async function runScheduledDigest<T>(
  deps: ScheduledDigestDeps<T>,
): Promise<ScheduledDigestResult<T>> {
  const { schedule, now, known } = deps
  const remembered = known?.lastCompletedRun ?? null
  if (!isDigestDue({ ...schedule, now, lastCompletedRun: remembered })) return { kind: 'not-due' }
  const lastCompletedRun = await deps.store.lastCompletedRun()
  if (known) known.lastCompletedRun = lastCompletedRun
  if (!isDigestDue({ ...schedule, now, lastCompletedRun })) return { kind: 'not-due' }
  if (deps.refusal !== null) return { kind: 'refused', reason: deps.refusal }
  return { kind: 'ran', outcome: await deps.run() }
}

/** One line for logs, or null when there is nothing to say (not due). */
export function describeScheduledDigest(result: ScheduledDigestResult<DigestOutcome>): string | null
export function describeScheduledDigest<T>(
  result: ScheduledDigestResult<T>,
  describe: (outcome: T) => string,
): string | null
export function describeScheduledDigest<T>(
  result: ScheduledDigestResult<T>,
  describe?: (outcome: T) => string,
): string | null {
  if (result.kind === 'not-due') return null
  if (result.kind === 'refused') return `digest not run: ${result.reason}`
  return describe ? describe(result.outcome) : describeOutcome(result.outcome as DigestOutcome)
}
