import { createNodeRuntime } from '../adapters/node/node-runtime'
import { watchParent } from '../adapters/node/parent-watch'
import { InvalidRecordsError } from '../core/record-issues'
import { type DigestProgress, describeOutcome, runDigest } from '../digest/run-digest'
import { isLoopbackUrl, parseNodeSettings } from '../settings/node-settings'

/** After a stop is asked for, in-flight messages get this long to finish before the exit. */
const STOP_GRACE_MS = 10_000

/**
 * npm run digest [-- --local] — sends the e-mail digest now, with the server's settings. On a
 * terminal it shows live progress (done/total, rate, failures); otherwise it prints one summary
 * line. Safe to rerun at any time: nobody gets the same alerts twice.
 *
 * It refuses to mail links to this machine (PUBLIC_URL unset or loopback) unless `--local`
 * says that is meant. SIGTERM, SIGINT, SIGHUP and the death of the parent process (npm killed
 * with SIGKILL) all stop it before its next send.
 */
async function main() {
  const settings = parseNodeSettings(process.env)
  const local = process.argv.slice(2).includes('--local')
  if (!local && (!settings.PUBLIC_URL_SET || isLoopbackUrl(settings.PUBLIC_URL))) {
    console.error(
      `Refusing to send: the links would point to ${settings.PUBLIC_URL}, which only works on this machine. ` +
        'Set PUBLIC_URL to the public address of the site, or run `npm run digest -- --local` for a local test.',
    )
    process.exitCode = 2
    return
  }
  const stop = new AbortController()
  const stopNow = (why: string) => {
    if (stop.signal.aborted) return
    console.error(`${why}: stopping before the next message`)
    stop.abort()
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref()
  }
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    process.on(signal, () => stopNow(signal))
  const unwatch = watchParent(() => stopNow('the parent process is gone'))

  const runtime = await createNodeRuntime(settings)
  const started = Date.now()
  const tty = process.stderr.isTTY
  let lastDraw = 0
  const draw = (p: DigestProgress, final = false) => {
    if (!tty || (!final && Date.now() - lastDraw < 100)) return
    lastDraw = Date.now()
    const seconds = (Date.now() - started) / 1000
    const rate = seconds > 0 ? (p.sent / seconds).toFixed(1) : '0.0'
    process.stderr.write(
      `\r${p.done}/${p.total} subscribers  ${p.sent} sent  ${rate} mail/s  ${p.failed} failed  ${p.bounced} bounced  ${p.skipped} skipped   `,
    )
    if (final) process.stderr.write('\n')
  }
  try {
    const outcome = await runDigest({
      catalog: runtime.catalog,
      store: runtime.stores.digest,
      mailer: runtime.mailer,
      publicUrl: settings.PUBLIC_URL,
      clock: () => new Date(),
      leaseMs: settings.DIGEST_LEASE_SECONDS * 1000,
      signal: stop.signal,
      onProgress: (p) => draw(p),
    })
    if (outcome.status === 'busy') {
      console.error('Another digest run is in progress; nothing was sent.')
      process.exitCode = 2
      return
    }
    draw(outcome, true)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.log(`${describeOutcome(outcome)} in ${seconds} s`)
    if (outcome.unconfirmed > 0)
      console.log(
        'Unconfirmed: the relay took these messages but its answer never came. The next run sends each once more with the same Message-ID; one already sent twice counts as delivered.',
      )
    if (outcome.status !== 'done') process.exitCode = 1
    else if (outcome.failed > 0) {
      console.log('Failed deliveries are retried by the next run.')
      process.exitCode = 1
    }
  } finally {
    unwatch()
    await runtime.close()
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof InvalidRecordsError
      ? `Refusing to run: ${error.message}`
      : error instanceof Error
        ? error.message
        : error,
  )
  process.exit(1)
})
