import { loadCatalog } from '../src/core/catalog'
import { benchApp } from './bench-app'
import { benchMessage, fictionalCompanyRecords } from './fictional-companies'

const WARMUP = 1000
const SAMPLES = 5000

interface Latency {
  p50: number
  p99: number
}

async function latency(send: () => Response | Promise<Response>): Promise<Latency> {
  for (let i = 0; i < WARMUP; i++)
    await (await send()).arrayBuffer()
    // Measure from a collected heap, so the previous measurement's garbage is not billed here.
  ;(globalThis as { gc?: () => void }).gc?.()
  const times: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now()
    const res = await send()
    await res.arrayBuffer()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0
  return { p50: at(0.5), p99: at(0.99) }
}

/**
 * p50/p99 of POST /api/check with a 1 KB message through app.request, at 10, 1,000 and
 * 10,000 companies, next to the same endpoint with a one-word message (nothing to find)
 * measured in the same run: the difference is what checking costs.
 */
export async function benchChecker(): Promise<void> {
  let first: Latency | undefined
  for (const count of [10, 1_000, 10_000]) {
    const started = performance.now()
    const catalog = loadCatalog(fictionalCompanyRecords(count))
    const app = benchApp(catalog)
    const loadMs = performance.now() - started
    const target = [...catalog.companies.values()][Math.floor(count / 2)]!
    const post = (body: string) => () =>
      app.request('/api/check', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      })
    const full = post(
      JSON.stringify({
        text: benchMessage(target.name, target.slug),
        sender: `${target.name} <info@gmail.com>`,
      }),
    )
    if ((await full()).status !== 200) throw new Error('the check did not answer 200')
    const message = await latency(full)
    const baseline = await latency(post(JSON.stringify({ text: 'hej' })))
    first ??= message
    console.log(
      `${String(count).padStart(6)} companies: 1 KB message p50 ${message.p50.toFixed(3)} ms  p99 ${message.p99.toFixed(3)} ms` +
        `  | one word p50 ${baseline.p50.toFixed(3)} ms  p99 ${baseline.p99.toFixed(3)} ms` +
        `  | p50 ${(message.p50 / first.p50).toFixed(2)}x the 10-company p50 (target <= 2x, p99 < 2 ms); load+index ${loadMs.toFixed(0)} ms`,
    )
  }
}
