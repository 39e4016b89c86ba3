import { execFile, spawn } from 'node:child_process'
import { appendFile, cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '../tests/support/server'
import {
  benchMessage,
  fictionalCompanyRecords,
  fictionalRecordObjects,
} from './fictional-companies'

const run = promisify(execFile)
const RUNS = 3

interface StartTiming {
  /** From spawning the command until /healthz answers 200. */
  healthy: number
  /** The first /api/check after that. */
  firstCheck: number
}

/** Starts `command`, times /healthz and one check, and stops it (SIGTERM to its group). */
async function timeStart(
  command: string[],
  env: Record<string, string>,
  check: string,
): Promise<StartTiming> {
  const port = await freePort()
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-start-'))
  const started = performance.now()
  const child = spawn(command[0]!, command.slice(1), {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIGEST_HOUR: 'off',
      ...env,
    },
    stdio: 'ignore',
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${command.join(' ')} exited with ${child.exitCode}`)
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      )
      if (ok) break
      await new Promise((r) => setTimeout(r, 5))
    }
    const healthy = performance.now() - started
    const at = performance.now()
    const res = await fetch(`${url}/api/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: check,
    })
    await res.text()
    return { healthy, firstCheck: performance.now() - at }
  } finally {
    process.kill(-child.pid!, 'SIGTERM')
    await new Promise((r) => child.once('exit', r))
    await rm(dataDir, { recursive: true, force: true })
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Node start-up: spawn to a healthy /healthz, and the first check after it, for the compiled
 * server with its catalog snapshot, the compiled server validating and indexing the records
 * itself (no snapshot of them), the same source through tsx (npm run dev), and npm start
 * with everything up to date; with the shipped records and 10,000 fictional companies.
 */
export async function benchNodeStart(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-node-start-'))
  try {
    for (const count of [1, 10_000]) {
      let alerts = join(process.cwd(), 'alerts')
      let body = JSON.stringify({
        text: 'Ring 046-28 52 900 eller logga in på jemfix-login.example',
      })
      if (count > 1) {
        alerts = join(dir, `alerts-${count}`)
        await mkdir(alerts)
        await Promise.all(
          fictionalCompanyRecords(count).map((r) =>
            writeFile(join(alerts, r.name.replace('bench/', '')), r.text),
          ),
        )
        const target = fictionalRecordObjects(count)[count / 2]!.company as {
          slug: string
          name: string
        }
        body = JSON.stringify({ text: benchMessage(target.name, target.slug) })
      }
      // The snapshot of these records in dist/, as `npm run build` leaves it.
      await run('npm', ['run', '--silent', 'build'], {
        env: { ...process.env, ALERTS_DIR: alerts },
      })
      const cases: [string, string[], Record<string, string>][] = [
        ['node dist/node.js, snapshot', [process.execPath, 'dist/node.js'], { ALERTS_DIR: alerts }],
        [
          'tsx src/node.ts, snapshot',
          ['node_modules/.bin/tsx', 'src/node.ts'],
          { ALERTS_DIR: alerts },
        ],
        ['npm start, up to date', ['npm', 'start', '--silent'], { ALERTS_DIR: alerts }],
      ]
      // Without a snapshot of these records (one of them differs by a comment): what every
      // start did before the build, and what a server does with records it was not built with.
      const plain = join(dir, `plain-${count}`)
      await cp(alerts, plain, { recursive: true })
      const [first] = (await readdir(plain)).sort()
      await appendFile(join(plain, first!), '\n# a copy\n')
      cases.push(
        [
          'node dist/node.js, no snapshot',
          [process.execPath, 'dist/node.js'],
          { ALERTS_DIR: plain },
        ],
        [
          'tsx src/node.ts, no snapshot',
          ['node_modules/.bin/tsx', 'src/node.ts'],
          { ALERTS_DIR: plain },
        ],
      )
      console.log(
        `\n${count.toLocaleString('en')} ${count === 1 ? 'record (alerts/)' : 'fictional companies'}, median of ${RUNS}:`,
      )
      for (const [name, command, env] of cases) {
        const timings: StartTiming[] = []
        for (let i = 0; i < RUNS; i++) timings.push(await timeStart(command, env, body))
        console.log(
          `  ${name.padEnd(32)} healthy after ${median(timings.map((t) => t.healthy))
            .toFixed(0)
            .padStart(
              6,
            )} ms, first check ${median(timings.map((t) => t.firstCheck)).toFixed(1)} ms`,
        )
      }
    }
  } finally {
    await run('npm', ['run', '--silent', 'build'])
    await rm(dir, { recursive: true, force: true })
  }
}
