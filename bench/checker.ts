import { loadCatalog } from '../src/core/catalog'
import { benchApp } from './bench-app'
import { benchMessage, fictionalCompanyRecords } from './fictional-companies'

const WARMUP = 1000
const SAMPLES = 5000

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/**
 * p50/p99 of POST /api/check (1 KB message) through app.request, at growing catalog sizes,
 * after 1,000 warm-up calls each (the JIT settles), from a collected heap.
 */
export async function benchChecker(): Promise<void> {
  let baseline = 0
  for (const count of [10, 1_000, 10_000]) {
    const started = performance.now()
    const catalog = loadCatalog(fictionalCompanyRecords(count))
    const app = benchApp(catalog)
    const loadMs = performance.now() - started
    const target = [...catalog.companies.values()][Math.floor(count / 2)]!
    const body = JSON.stringify({
      text: benchMessage(target.name, target.slug),
      sender: `${target.name} <info@gmail.com>`,
    })
    const request = () =>
      app.request('/api/check', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      })
    const first = await request()
    if (first.status !== 200) throw new Error(`check answered ${first.status}`)
    for (let i = 0; i < WARMUP; i++)
      await request()
      // Start each size from a collected heap, so one size's garbage is not billed to the next.
    ;(globalThis as { gc?: () => void }).gc?.()
    const times: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now()
      const res = await request()
      await res.arrayBuffer()
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    const p50 = percentile(times, 50)
    const p99 = percentile(times, 99)
    if (count === 10) baseline = p50
    console.log(
      `${String(count).padStart(6)} companies: p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms  ` +
        `(${(p50 / baseline).toFixed(2)}x the p50 at 10; load+index ${loadMs.toFixed(0)} ms)`,
    )
  }
}
