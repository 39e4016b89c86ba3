import { compare, requestsPerSecond, startPair } from './http-load'

const ROUNDS = 3
const SECONDS = 2

/**
 * GET /feed.xml, GET /alerts/:id and a filtered list (query parsed and validated on every
 * request) against a bare Hono route serving the same bytes.
 */
export async function benchPages(): Promise<void> {
  const paths = ['/feed.xml', '/alerts/jem-fix-2026-02-28', '/?channel=sms&company=jem-fix']
  const pair = await startPair(paths)
  try {
    for (const path of paths) {
      await requestsPerSecond(pair.app + path, 1) // warm up both sides (JIT, render cache)
      await requestsPerSecond(pair.bare + path, 1)
      const { ours, base, ratio } = await compare(
        pair.app + path,
        pair.bare + path,
        ROUNDS,
        SECONDS,
      )
      console.log(
        `GET ${path.padEnd(28)} ours ${ours.toFixed(0).padStart(7)} req/s   bare Hono ${base.toFixed(0).padStart(7)} req/s   ratio ${ratio.toFixed(2)} (target >= 0.80)`,
      )
    }
  } finally {
    pair.stop()
  }
}
