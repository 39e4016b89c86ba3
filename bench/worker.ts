import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startWorkerDev } from '../tests/support/wrangler-dev'
import { benchMessage, fictionalCompanyRecords } from './fictional-companies'

const run = promisify(execFile)
const SAMPLES = 400

async function timings(
  send: () => Promise<Response>,
): Promise<{ first: number; p50: number; p99: number }> {
  const once = async () => {
    const t = performance.now()
    const res = await send()
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`status ${res.status}`)
    return performance.now() - t
  }
  const first = await once()
  for (let i = 0; i < 50; i++) await once()
  const times: number[] = []
  for (let i = 0; i < SAMPLES; i++) times.push(await once())
  times.sort((a, b) => a - b)
  return { first, p50: times[Math.floor(SAMPLES / 2)]!, p99: times[Math.floor(SAMPLES * 0.99)]! }
}

/**
 * The Worker with 1,000 fictional companies in local workerd (wrangler dev). Local workerd
 * reports no CPU time, so wall time stands in, next to GET /healthz through the same proxy as
 * the baseline; plus the gzip size of the production bundle.
 */
export async function benchWorker(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-worker-'))
  const alertsDir = join(dir, 'alerts')
  await mkdir(alertsDir)
  const records = fictionalCompanyRecords(1_000)
  await Promise.all(
    records.map((r) => writeFile(join(alertsDir, r.name.replace('bench/', '')), r.text)),
  )
  // wrangler's [build] command bundles ALERTS_DIR, so both the dry run and wrangler dev
  // build from the fictional records.
  const buildEnv = { ALERTS_DIR: alertsDir }
  try {
    await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', join(dir, 'dist')], {
      env: { ...process.env, ...buildEnv, WRANGLER_SEND_METRICS: 'false' },
    })
    const gzip = await run(process.execPath, [
      '--import',
      'tsx',
      'src/cli/bundle-size.ts',
      join(dir, 'dist'),
    ])
    const worker = await startWorkerDev(
      join(dir, 'state'),
      { PUBLIC_URL: 'https://varningar.example.se' },
      { env: buildEnv },
    )
    try {
      const target = records[500]!.name.replace('bench/', '').replace('.yaml', '')
      const body = JSON.stringify({
        text: benchMessage(target, target),
        sender: `${target} <info@gmail.com>`,
      })
      const base = await timings(() => fetch(`${worker.url}/healthz`))
      // Each check from its own client address: the checker's limit (60 a minute per client)
      // is measured as part of every request, but never refuses one here.
      let client = 0
      const check = await timings(() =>
        fetch(`${worker.url}/api/check`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'cf-connecting-ip': `10.0.${(++client >> 8) & 255}.${client & 255}`,
          },
          body,
        }),
      )
      const feed = await timings(() => fetch(`${worker.url}/feed.xml`))
      const line = (name: string, t: { first: number; p50: number; p99: number }) =>
        `${name.padEnd(16)} first ${t.first.toFixed(1).padStart(6)} ms  p50 ${t.p50.toFixed(2)} ms  p99 ${t.p99.toFixed(2)} ms  (p50 over /healthz: ${(t.p50 - base.p50).toFixed(2)} ms; target < 5 ms)`
      console.log('1,000 fictional companies in local workerd, wall time through wrangler dev:')
      console.log(line('GET /healthz', base))
      console.log(line('POST /api/check', check))
      console.log(line('GET /feed.xml', feed))
      console.log(gzip.stdout.trim())
    } finally {
      await worker.stop()
    }
  } finally {
    await run(process.execPath, ['--import', 'tsx', 'src/cli/bundle-records.ts'])
    await rm(dir, { recursive: true, force: true })
  }
}
