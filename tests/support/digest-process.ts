import { type ChildProcess, spawn } from 'node:child_process'

export interface DigestProcess {
  child: ChildProcess
  output: () => string
  /** Resolves with the exit code once every process of the group is gone. */
  exited: Promise<number | null>
}

/** Starts `npm run digest` as a user would, in its own process group. */
export function startDigest(env: Record<string, string>, args: string[] = []): DigestProcess {
  let output = ''
  const child = spawn(
    'npm',
    ['run', '--silent', 'digest', ...(args.length ? ['--', ...args] : [])],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, output: () => output, exited }
}

/** Whether any process of the group is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** Polls until `condition` holds, failing after `timeoutMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Runs `npm run digest` to its end and returns its exit code and output. */
export async function runDigestToEnd(env: Record<string, string>, args: string[] = []) {
  const run = startDigest(env, args)
  const code = await run.exited
  await until(() => !groupAlive(run.child.pid!), 10_000, 'the digest process group to exit')
  return { code, output: run.output() }
}
