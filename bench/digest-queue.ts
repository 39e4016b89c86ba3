import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSmtpSink } from '../tests/support/smtp-sink'
import {
  addSubscribers,
  copiesPerAddress,
  type RunRow,
  waitForRun,
} from '../tests/support/worker-digest'
import { startWorkerDev } from '../tests/support/wrangler-dev'

/** 07:10 in Stockholm on a winter day: the digest is due. */
const DUE = new Date('2025-01-15T06:10:00Z')
/** One subscriber in this many is greylisted: a 451 at its first RCPT TO. */
const GREYLIST_EVERY = 50

export interface QueueSimulation {
  subscribers: number
  /** Subscribers who received at least one digest. */
  sent: number
  /** Copies beyond the first, over every subscriber (the same Message-ID again counts too). */
  duplicates: number
  /** Subscribers who received nothing. */
  lost: number
  /** From the cron's trigger to the run's close (its last batch acknowledged or dead-lettered). */
  seconds: number
  /** The run as D1 recorded it. */
  run: RunRow
  /** 451s the sink answered, and how often the consumer's injected throw fired. */
  faults: { greylisted: number; throws: number }
}

/**
 * The digest of `count` fictional subscribers fanned out through Cloudflare Queues in local
 * workerd (`wrangler dev`: the Worker, its queue, consumer and dead-letter queue, D1 from
 * wrangler.toml), delivered to a real SMTP sink on loopback. Faults: 1 subscriber in 50
 * greylisted (451 at the first try), and a consumer that throws once, in the middle of a batch
 * (DIGEST_FAULT). The queue's retries run without waiting (DIGEST_RETRY_SECONDS=0), so the
 * time measured is work, not backoff.
 */
export async function simulateDigestQueue(
  count: number,
  progress: (line: string) => void = () => {},
): Promise<QueueSimulation> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-digest-queue-'))
  const sink = await startSmtpSink({ headersOnly: true })
  // Mid-run and mid-batch: not on a chunk's or a message's boundary.
  const throwAfter = Math.max(1, Math.floor(count / 2) + 13)
  const worker = await startWorkerDev(join(dir, 'wrangler'), {
    PUBLIC_URL: 'https://varningar.example.se',
    SMTP_URL: sink.url,
    ENVIRONMENT: 'development',
    DIGEST_RETRY_SECONDS: '0',
    DIGEST_FAULT: `throw-after-sends:${throwAfter}`,
  })
  try {
    progress(`writing ${count} fictional subscribers to the local D1…`)
    const emails = await addSubscribers(worker, 'queue', count)
    const greylisted = new Set(emails.filter((_, i) => i % GREYLIST_EVERY === 7))
    let refusals = 0
    sink.onRcpt((to, attempt) => {
      if (!greylisted.has(to) || attempt > 1) return undefined
      refusals++
      return 451
    })
    const logStart = worker.output().length
    const started = performance.now()
    const res = await worker.scheduled(DUE)
    if (res.status !== 200) throw new Error(`the cron failed: ${res.status} ${await res.text()}`)
    // The consumer logs the run's close; reading the log costs nothing, unlike asking D1.
    const timeoutMs = 120_000 + count * 100
    let lastReport = performance.now()
    for (;;) {
      if (/digest \S+: done: /.test(worker.output().slice(logStart))) break
      if (performance.now() - started > timeoutMs)
        throw new Error(`the run did not close in ${timeoutMs / 1000} s`)
      if (performance.now() - lastReport > 10_000) {
        progress(`${sink.received.length} of ${count} accepted by the sink…`)
        lastReport = performance.now()
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    const seconds = (performance.now() - started) / 1000
    const run = await waitForRun(worker, new Date(0), 30_000)
    const { duplicates, lost } = copiesPerAddress(sink.received, emails)
    const throws = worker.output().match(/injected fault \(DIGEST_FAULT\)/g)?.length ?? 0
    return {
      subscribers: count,
      sent: count - lost,
      duplicates,
      lost,
      seconds,
      run,
      faults: { greylisted: refusals, throws },
    }
  } finally {
    await worker.stop()
    await sink.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** The one line the issue asks for. */
export function describeSimulation(s: QueueSimulation): string {
  return `digest-queue: ${s.subscribers} subscribers, ${s.sent} sent, ${s.duplicates} duplicates, ${s.lost} lost, ${s.seconds.toFixed(1)} s, ${(s.sent / s.seconds).toFixed(0)} msg/s`
}

/** npm run bench digest-queue [N]: progress and the run's own record on stderr, one line on stdout. */
export async function benchDigestQueue(args: readonly string[]): Promise<void> {
  const count = args[0] === undefined ? 20_000 : Number(args[0])
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    console.error(`digest-queue: N must be a whole number 1-1000000, not "${args[0]}"`)
    process.exitCode = 2
    return
  }
  const simulation = await simulateDigestQueue(count, (line) => console.error(line))
  const { run, faults } = simulation
  console.error(
    `faults: ${faults.greylisted} 451s, ${faults.throws} consumer throw(s); the run in D1: ${run.sent} sent, ${run.failed} failed, ${run.batches} batches, ${run.dead_batches} dead-lettered`,
  )
  console.log(describeSimulation(simulation))
  if (simulation.duplicates > 0 || simulation.lost > 0) process.exitCode = 1
}
