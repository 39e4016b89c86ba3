import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface RunningServer {
  url: string
  child: ChildProcess
  output: () => string
  /** Sends SIGTERM to the process group, as a process manager would, and waits until all of it has exited. */
  stop: () => Promise<void>
}

/**
 * Starts `npm start` (or another npm script that serves the site, such as `preview`) as a
 * user would, and waits until /healthz answers 200.
 */
export function startServer(
  env: Record<string, string>,
  timeoutMs = 30_000,
  script = 'start',
): Promise<RunningServer> {
  const args = script === 'start' ? ['start', '--silent'] : ['run', '--silent', script]
  return startCommand(['npm', ...args], env, { timeoutMs })
}

/**
 * Starts `command` (a server on PORT: npm start, node dist/node.js…) in its own process group,
 * in `cwd` (default: this project), and waits until /healthz answers 200.
 */
export async function startCommand(
  command: readonly string[],
  env: Record<string, string>,
  { cwd, timeoutMs = 30_000 }: { cwd?: string; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const port = await freePort()
  let output = ''
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    try {
      // Our process must have logged that it listens there: another one may hold the port.
      const res = await fetch(`${url}/healthz`)
      if (res.status === 200 && output.includes(`:${port} `)) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      signal(-child.pid!, 'SIGKILL')
      throw new Error(`server did not become healthy:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      const group = -child.pid!
      if (!signal(group, 'SIGTERM')) return
      const deadline = Date.now() + 15_000
      while (signal(group, 0)) {
        if (Date.now() > deadline) {
          signal(group, 'SIGKILL')
          throw new Error(`server ignored SIGTERM:\n${output}`)
        }
        await new Promise((r) => setTimeout(r, 50))
      }
      await exited
    },
  }
}

/** Sends a signal to a process or group; false when nothing is left to receive it. */
function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig)
    return true
  } catch {
    return false
  }
}

/** Runs `npm start` expecting it to fail, and returns its exit code and output. */
export function startServerExpectingFailure(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = ''
    const child = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (d) => {
      output += d
    })
    child.stderr.on('data', (d) => {
      output += d
    })
    child.once('exit', (code) => resolve({ code, output }))
  })
}
