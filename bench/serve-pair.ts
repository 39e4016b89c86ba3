/**
 * Bench helper, run as a child process so the load generator does not share its CPU:
 * serves the real app on PORT_APP and, on PORT_BARE, a bare Hono app that returns the
 * very same bytes (body and headers) for the same paths: the baseline every ratio is
 * measured against, so the ratio is the cost of our routing, caching and validation.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { readRecordFiles } from '../src/adapters/node/record-files'
import { loadCatalog } from '../src/core/catalog'
import { benchApp } from './bench-app'

const paths = (process.env.BENCH_PATHS ?? '/feed.xml').split(',')
const app = benchApp(loadCatalog(await readRecordFiles('alerts')))

const bare = new Hono()
for (const path of paths) {
  const res = await app.request(path)
  const bytes = new Uint8Array(await res.arrayBuffer())
  const headers = Object.fromEntries(res.headers)
  // By path alone: a query string is ours to parse, and the baseline only serves bytes.
  bare.get(
    new URL(path, 'http://bench').pathname,
    () => new Response(bytes, { status: 200, headers }),
  )
}

serve({ fetch: app.fetch, port: Number(process.env.PORT_APP), hostname: '127.0.0.1' })
serve({ fetch: bare.fetch, port: Number(process.env.PORT_BARE), hostname: '127.0.0.1' }, () => {
  process.send?.('ready')
})
