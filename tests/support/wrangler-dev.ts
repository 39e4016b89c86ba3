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
  /** Fires the cron trigger as Cloudflare would (wrangler dev --test-scheduled). */
  scheduled: () => Promise<Response>
  stop: () => Promise<void>
}

/**
 * The real Workers runtime: `wrangler dev` runs the bundle in workerd, offline, with a local
 * D1 database (migrations applied first) kept under `persistTo`.
 */
export async function startWorkerDev(
  persistTo: string,
  vars: Record<string, string>,
): Promise<WorkerDev> {
  await run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    env,
  })
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
      '--test-scheduled',
      '--show-interactive-dev-session=false',
      ...varArgs,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
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
      // Wrangler must say it is ready there: another process may hold the port.
      if ((await fetch(`${url}/healthz`)).status === 200 && output.includes(`Ready on ${url}`))
        break
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    output: () => output,
    d1: async (sql) =>
      (
        await run(
          WRANGLER,
          ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--json', '--command', sql],
          { env },
        )
      ).stdout,
    scheduled: () => fetch(`${url}/__scheduled?cron=${encodeURIComponent('0 6 * * *')}`),
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
