import type { WorkerDev } from './wrangler-dev'

/** A digest run as D1 holds it. */
export interface RunRow {
  id: string
  outcome: string | null
  finished_at: string | null
  batches: number | null
  batches_open: number
  dead_batches: number
  total: number | null
  sent: number
  failed: number
  resent: number
  unconfirmed: number
}

/**
 * Waits until the digest run started at or after `since` has closed (its queue batches all
 * acknowledged or dead-lettered) and returns it.
 */
export async function waitForRun(
  worker: WorkerDev,
  since: Date,
  timeoutMs = 150_000,
): Promise<RunRow> {
  const deadline = Date.now() + timeoutMs
  let latest: RunRow | undefined
  for (;;) {
    const [result] = JSON.parse(
      await worker.d1(
        `SELECT * FROM digest_runs WHERE started_at >= '${since.toISOString()}' ORDER BY started_at DESC LIMIT 1`,
      ),
    ) as { results: RunRow[] }[]
    latest = result?.results[0]
    if (latest?.finished_at) return latest
    if (Date.now() > deadline)
      throw new Error(`the digest run did not close: ${JSON.stringify(latest ?? 'no run')}`)
    await new Promise((r) => setTimeout(r, 1_000))
  }
}
