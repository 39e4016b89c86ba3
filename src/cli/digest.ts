import { createNodeRuntime } from '../adapters/node/node-runtime'
import { InvalidRecordsError } from '../core/record-issues'
import { type DigestProgress, describeOutcome, runDigest } from '../digest/run-digest'
import { parseNodeSettings } from '../node-settings'

/**
 * npm run digest — sends the e-mail digest now, with the server's settings. On a terminal it
 * shows live progress (done/total, rate, failures); otherwise it prints one summary line.
 * Safe to rerun at any time: nobody gets the same alerts twice.
 */
async function main() {
  const settings = parseNodeSettings(process.env)
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
      store: runtime.store,
      mailer: runtime.mailer,
      publicUrl: settings.PUBLIC_URL,
      clock: () => new Date(),
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
    if (outcome.failed > 0) {
      console.log('Failed deliveries are retried by the next run.')
      process.exitCode = 1
    }
  } finally {
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
