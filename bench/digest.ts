import { execFile, fork } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

interface Measurement {
  messages: number
  seconds: number
  peakRssMb: number
}

async function measure(mode: 'ours' | 'raw', count: number, port: number): Promise<Measurement> {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./digest-child.ts', import.meta.url).pathname,
      mode,
      String(count),
      String(port),
    ],
    {
      maxBuffer: 1024 * 1024,
    },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measurement
}

/**
 * Digest throughput against raw pooled nodemailer sending the same prepared messages to the
 * same loopback SMTP sink (its own process), and peak RSS at 1,000 and 10,000 subscribers.
 */
export async function benchDigest(): Promise<void> {
  const sink = fork(new URL('./smtp-sink-process.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
  })
  const port = await new Promise<number>((resolve) =>
    sink.once('message', (m: { port: number }) => resolve(m.port)),
  )
  try {
    const rawRun = await measure('raw', 10_000, port)
    const oursRun = await measure('ours', 10_000, port)
    const rate = (m: Measurement) => m.messages / m.seconds
    console.log(
      `10,000 digests: ours ${rate(oursRun).toFixed(0)} msg/s   raw pooled nodemailer ${rate(rawRun).toFixed(0)} msg/s   ratio ${(rate(oursRun) / rate(rawRun)).toFixed(2)} (target >= 0.80)`,
    )
    const small = await measure('ours', 1_000, port)
    console.log(
      `peak RSS of a digest run: ${small.peakRssMb.toFixed(0)} MB at 1,000 subscribers, ${oursRun.peakRssMb.toFixed(0)} MB at 10,000 (raw baseline holding 10,000 prepared messages: ${rawRun.peakRssMb.toFixed(0)} MB)`,
    )
  } finally {
    sink.kill()
  }
}
