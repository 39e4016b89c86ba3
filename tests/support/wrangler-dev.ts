import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { freePort } from './server'

const run = promisify(execFile)
const WRANGLER = 'node_modules/.bin/wrangler'
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' }

export interface WorkerDev {
  url: string
  output: () => string
  /** Runs SQL against the local D1 database the worker uses. */
  d1: (sql: string) => Promise<string>
  /** Runs a file of SQL statements against the same database (for more than a command line holds). */
  d1File: (path: string) => Promise<string>
  /**
   * Fires the cron trigger as Cloudflare would, as if it were `at` (the controller's
   * scheduledTime); now by default.
   */
  scheduled: (at?: Date) => Promise<Response>
  /** Applies migrations/ to the local D1 database, as `wrangler d1 migrations apply` does. */
  migrate: () => Promise<void>
  stop: () => Promise<void>
}

/** The cron in wrangler.toml. */
export const WORKER_CRON = '*/5 * * * *'

export interface WorkerDevOptions {
  /** Apply migrations before starting (default); false leaves the local D1 database empty. */
  migrate?: boolean
  /** Extra environment for wrangler and its build command (e.g. ALERTS_DIR). */
  env?: Record<string, string>
}

/**
 * The real Workers runtime: `wrangler dev` runs the bundle in workerd, offline, with a local
 * D1 database (migrations applied first unless told otherwise) kept under `persistTo`.
 */
export async function startWorkerDev(
  persistTo: string,
  vars: Record<string, string>,
  options: WorkerDevOptions = {},
): Promise<WorkerDev> {
  const childEnv = { ...env, ...options.env }
  const migrate = async () => {
    await run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
      env: childEnv,
    })
  }
  if (options.migrate !== false) await migrate()
  const port = await freePort()
  const varArgs = Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])
  let output = ''
  const child: ChildProcess = spawn(
    WRANGLER,
    [
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
      ...varArgs,
    ],
    { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  )
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`)
    try {
      // Wrangler must say it is ready there: another process may hold the port. Any answer
      // counts: /healthz says 503 on a database without migrations.
      const status = (await fetch(`${url}/healthz`)).status
      if ((status === 200 || status === 503) && output.includes(`Ready on ${url}`)) break
    } catch {
      // starting
    }
    if (Date.now() > deadline) {
      // Its workerd children would otherwise outlive the test run.
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
      throw new Error(`wrangler dev did not start:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    output: () => output,
    d1: (sql) => d1Execute(persistTo, ['--command', sql], childEnv),
    d1File: (path) => d1Execute(persistTo, ['--file', path, '--yes'], childEnv),
    // Miniflare's trigger, unlike wrangler's /__scheduled, passes the time on and answers 500
    // when the handler fails.
    scheduled: (at) =>
      fetch(
        `${url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(WORKER_CRON)}${at ? `&time=${at.getTime()}` : ''}`,
      ),
    migrate,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        return
      }
      await new Promise((r) => child.once('exit', r))
    },
  }
}

/**
 * `wrangler d1 execute` against the SQLite file that the running `wrangler dev` also holds:
 * a write there can meet the file locked by the worker's own statement (seen once in CI), so
 * a failed attempt is retried a few times, and the last failure says what wrangler printed.
 */
async function d1Execute(
  persistTo: string,
  source: string[],
  childEnv: NodeJS.ProcessEnv,
): Promise<string> {
  const args = ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--json', ...source]
  for (let attempt = 1; ; attempt++) {
    try {
      return (await run(WRANGLER, args, { env: childEnv, maxBuffer: 64 * 1024 * 1024 })).stdout
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
      if (attempt >= 4) {
        throw new Error(
          `wrangler d1 execute failed ${attempt} times: ${source.join(' ')}\n${stderr}\n${stdout}`,
        )
      }
      await new Promise((r) => setTimeout(r, 250 * attempt))
    }
  }
}
