import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { Miniflare } from 'miniflare'
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from 'wrangler'

/** What one fresh isolate took, in milliseconds. */
export interface IsolateTiming {
  /** From creating Miniflare until workerd listens: the process, parsing the bundle, global scope. */
  ready: number
  /** The first request's wall time at the client. */
  first: number
  /** The Worker's global scope, timed inside the isolate (the bundle's own modules only). */
  globalScope: number
  /** The first request inside the isolate, from fetch() being called to the whole body. */
  firstHandler: number
  /** The next request's wall time at the client. */
  second: number
  /** The first answer's body. */
  body: string
}

// Entered instead of the bundle: imports a clock first, then the Worker, so the difference is
// the Worker's global scope (ES modules evaluate in import order, after all are parsed), and
// times each request inside the isolate. Local workerd lets Date.now() run during execution.
const CLOCK = 'export const started = Date.now()\n'
const ENTRY = `import { started } from './bench-clock.js'
import worker from './worker.js'
const globalScope = Date.now() - started
let first = true
export default {
  ...worker,
  async fetch(request, env, ctx) {
    const at = Date.now()
    const response = await worker.fetch(request, env, ctx)
    const body = await response.arrayBuffer()
    const headers = new Headers(response.headers)
    headers.set('x-bench-handler-ms', String(Date.now() - at))
    if (first) headers.set('x-bench-global-ms', String(globalScope))
    first = false
    return new Response(body, { status: response.status, headers })
  },
}
`
const HELLO = 'export default { fetch: () => new Response("{}") }\n'

/** The modules of a `wrangler deploy --dry-run --outdir` folder, entered through ENTRY. */
async function bundleModules(dir: string) {
  await writeFile(join(dir, 'bench-clock.js'), CLOCK)
  await writeFile(join(dir, 'bench-entry.js'), ENTRY)
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js') || f.endsWith('.bin'))
  const ordered = ['bench-entry.js', ...files.filter((f) => f !== 'bench-entry.js')]
  return Promise.all(
    ordered.map(async (file) => ({
      type: file.endsWith('.bin') ? ('Data' as const) : ('ESModule' as const),
      path: join(dir, file),
      contents: await readFile(join(dir, file)),
    })),
  )
}

function workerOptions(output: (text: string) => void = () => {}) {
  const { workerOptions } = unstable_getMiniflareWorkerOptions('wrangler.toml')
  return {
    ...workerOptions,
    bindings: { ...workerOptions.bindings, PUBLIC_URL: 'https://varningar.example.se' },
    // The Worker's start-up lines (mail is off without SMTP_URL) are not the benchmark's.
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      for (const stream of [stdout, stderr]) stream.on('data', (d: Buffer) => output(String(d)))
    },
  }
}

/** Applies migrations/ to the Worker's D1 database, as `wrangler d1 migrations apply` does. */
async function migrate(mf: Miniflare) {
  const db = await mf.getD1Database('DB')
  await db.exec(
    'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)',
  )
  for (const name of (await readdir('migrations')).filter((f) => f.endsWith('.sql')).sort()) {
    const statements = unstable_splitSqlQuery(await readFile(join('migrations', name), 'utf8'))
    await db.batch([
      ...statements.map((sql) => db.prepare(sql)),
      db.prepare('INSERT INTO d1_migrations (name) VALUES (?)').bind(name),
    ])
  }
}

export type Send = (url: string) => Promise<Response>

/**
 * Starts one fresh workerd with the bundle in `dir` (or a Worker that only answers `{}` when
 * `dir` is null, the runtime's own cost), sends `send` twice, and stops it. What the Worker
 * and workerd print goes to `output`, if given.
 */
export async function freshIsolate(
  dir: string | null,
  send: Send,
  output?: (text: string) => void,
): Promise<IsolateTiming> {
  const modules = dir
    ? await bundleModules(dir)
    : [{ type: 'ESModule' as const, path: 'hello.js', contents: HELLO }]
  const started = performance.now()
  const mf = new Miniflare({
    ...workerOptions(output),
    modules,
    ...(dir ? { modulesRoot: dir } : {}),
  })
  try {
    const url = await mf.ready
    const ready = performance.now() - started
    const timed = async () => {
      const at = performance.now()
      const response = await send(url.href)
      const body = await response.text()
      if (response.status !== 200) throw new Error(`status ${response.status}: ${body}`)
      return { wall: performance.now() - at, response, body }
    }
    const first = await timed()
    const second = await timed()
    return {
      ready,
      first: first.wall,
      globalScope: Number(first.response.headers.get('x-bench-global-ms') ?? 0),
      firstHandler: Number(first.response.headers.get('x-bench-handler-ms') ?? 0),
      second: second.wall,
      body: first.body,
    }
  } finally {
    await mf.dispose()
  }
}

/**
 * A running Worker for steady-state timings; stop() when done. Miniflare's synchronous proxy,
 * which the migrations go through, has failed an assertion of its own on a loaded machine
 * (a reply that was not the one awaited): then the Worker is started afresh, up to 3 times.
 */
export async function runningWorker(dir: string) {
  const modules = await bundleModules(dir)
  for (let attempt = 1; ; attempt++) {
    const mf = new Miniflare({ ...workerOptions(), modules, modulesRoot: dir })
    try {
      const url = await mf.ready
      await migrate(mf)
      return { url: url.href.replace(/\/$/, ''), stop: () => mf.dispose() }
    } catch (error) {
      await mf.dispose().catch(() => {})
      if (attempt === 3) throw error
      console.error(`  (Miniflare failed while migrating, starting it again: ${String(error)})`)
    }
  }
}
