import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { bundleParts, describeBundle } from '../src/cli/bundle-parts'
import {
  freshIsolate,
  type IsolateTiming,
  runningWorker,
  type Send,
} from '../tests/support/worker-isolate'
import {
  benchMessage,
  fictionalCompanyRecords,
  fictionalRecordObjects,
} from './fictional-companies'

const run = promisify(execFile)
/** Catalog sizes; BENCH_WORKER_COMPANIES=1000,10000 by default. */
const COUNTS = (process.env.BENCH_WORKER_COMPANIES ?? '1000,10000').split(',').map(Number)
/** Fresh isolates per catalog size (and as many of the empty Worker, alternating). */
const ISOLATES = 9
const SAMPLES = 400

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const ms = (n: number) => `${n.toFixed(1)} ms`

async function timings(send: () => Promise<Response>) {
  const once = async () => {
    const at = performance.now()
    const res = await send()
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`status ${res.status}`)
    return performance.now() - at
  }
  for (let i = 0; i < 50; i++) await once()
  const times: number[] = []
  for (let i = 0; i < SAMPLES; i++) times.push(await once())
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(SAMPLES / 2)]!, p99: times[Math.floor(SAMPLES * 0.99)]! }
}

/** The production bundle of `count` fictional companies, built by wrangler as a deploy would. */
async function build(count: number, dir: string) {
  const alerts = join(dir, `alerts-${count}`)
  await mkdir(alerts)
  await Promise.all(
    fictionalCompanyRecords(count).map((r) =>
      writeFile(join(alerts, r.name.replace('bench/', '')), r.text),
    ),
  )
  const out = join(dir, `dist-${count}`)
  // wrangler's [build] command bundles ALERTS_DIR into src/generated/ first.
  const { stdout } = await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', out], {
    env: { ...process.env, ALERTS_DIR: alerts, WRANGLER_SEND_METRICS: 'false' },
  })
  return { out, upload: /Total Upload: .*/.exec(stdout)?.[0] ?? '' }
}

/**
 * The Worker with 1,000 and 10,000 fictional companies, built as `wrangler deploy` builds it:
 * its size by part, then fresh isolates in local workerd (a new Miniflare each time, next to
 * a Worker that only answers `{}`, the runtime's own cost, alternating), and steady-state
 * wall times through one isolate. Local workerd reports no CPU time, so wall time stands in.
 */
export async function benchWorker(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-worker-'))
  try {
    for (const count of COUNTS) {
      const { out, upload } = await build(count, dir)
      console.log(`\n${count.toLocaleString('en')} fictional companies: bundle by part`)
      for (const line of describeBundle(await bundleParts(out))) console.log(line)
      console.log(`  wrangler: ${upload}`)

      const target = fictionalRecordObjects(count)[Math.floor(count / 2)]!.company as {
        slug: string
        name: string
      }
      const body = JSON.stringify({
        text: benchMessage(target.name, target.slug),
        sender: `${target.name} <info@gmail.com>`,
      })
      let client = 0
      const check: Send = (url) =>
        fetch(new URL('/api/check', url), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            // A client address per request: the limit is part of every check, never a refusal.
            'cf-connecting-ip': `10.0.${(++client >> 8) & 255}.${client & 255}`,
          },
          body,
        })
      const ours: IsolateTiming[] = []
      const empty: IsolateTiming[] = []
      for (let i = 0; i < ISOLATES; i++) {
        empty.push(await freshIsolate(null, check))
        ours.push(await freshIsolate(out, check))
      }
      const of = (list: IsolateTiming[], key: Exclude<keyof IsolateTiming, 'body'>) =>
        median(list.map((t) => t[key]))
      const startAndFirst = median(
        ours.map((t, i) => t.ready + t.first - (empty[i]!.ready + empty[i]!.first)),
      )
      console.log(
        `  fresh isolate, median of ${ISOLATES}: global scope ${ms(of(ours, 'globalScope'))} + first /api/check ${ms(of(ours, 'firstHandler'))} inside the isolate` +
          ` = ${ms(median(ours.map((t) => t.globalScope + t.firstHandler)))} (target < 100 ms); second check ${ms(of(ours, 'second'))} at the client`,
      )
      console.log(
        `  from outside: workerd ready ${ms(of(ours, 'ready'))} and first check ${ms(of(ours, 'first'))}; an empty Worker ${ms(of(empty, 'ready'))} and ${ms(of(empty, 'first'))};` +
          ` the bundle's start-up and first check beyond the empty Worker (parsing included) ${ms(startAndFirst)}`,
      )

      const worker = await runningWorker(out)
      try {
        const base = await timings(() => fetch(`${worker.url}/healthz`))
        const checks = await timings(() => check(worker.url))
        const feed = await timings(() => fetch(`${worker.url}/feed.xml`))
        const line = (name: string, t: { p50: number; p99: number }) =>
          `  ${name.padEnd(16)} p50 ${t.p50.toFixed(2)} ms  p99 ${t.p99.toFixed(2)} ms  (p50 over /healthz: ${(t.p50 - base.p50).toFixed(2)} ms; target < 5 ms)`
        console.log('  steady state through one isolate, wall time at the client:')
        console.log(line('GET /healthz', base))
        console.log(line('POST /api/check', checks))
        console.log(line('GET /feed.xml', feed))
      } finally {
        await worker.stop()
      }
    }
  } finally {
    await run(process.execPath, ['--import', 'tsx', 'src/cli/bundle-records.ts'])
    await rm(dir, { recursive: true, force: true })
  }
}
