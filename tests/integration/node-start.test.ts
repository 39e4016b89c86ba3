import { execFile } from 'node:child_process'
import { appendFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { fictionalAlert } from '../support/fixtures'
import { copyProject } from '../support/project-copy'
import { type RunningServer, startCommand } from '../support/server'

const run = promisify(execFile)

/** `command` (npm start by default) in `cwd`, until /healthz answers 200. */
const start = (cwd: string, env: Record<string, string>, command = ['npm', 'start', '--silent']) =>
  startCommand(command, env, { cwd, timeoutMs: 60_000 })

/** The processes whose parent is `pid`, with their command lines. */
async function childrenOf(pid: number): Promise<{ pid: number; command: string }[]> {
  const { stdout } = await run('ps', ['-o', 'pid=,args=', '--ppid', String(pid)]).catch(() => ({
    stdout: '',
  }))
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [, id, command] = /^\s*(\d+)\s+(.*)$/.exec(line)!
      return { pid: Number(id), command: command! }
    })
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function gone(pid: number, url: string, withinMs = 20_000) {
  const deadline = Date.now() + withinMs
  while (
    alive(pid) ||
    (await fetch(`${url}/healthz`).then(
      () => true,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 100))
  }
  return true
}

/** After a failed expectation: whatever of the server is still running, killed. */
function stopLeftovers(server: RunningServer, pid: number | undefined) {
  for (const target of [-server.child.pid!, pid]) {
    if (target === undefined) continue
    try {
      process.kill(target, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

describe('npm start runs the compiled server', () => {
  let dir: string
  let project: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'node-start-'))
    project = await copyProject(join(dir, 'project'))
  }, 60_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('builds dist/ in a tree that has none, says so, and serves from it', async () => {
    await expect(stat(join(project, 'dist'))).rejects.toThrow()
    const server = await start(project, { DATA_DIR: join(dir, 'data-1') })
    try {
      expect(server.output()).toContain('npm start: compiling the server into dist/ (no build yet)')
      expect(server.output()).toMatch(
        /Catalog: 1 record\(s\) from the catalog snapshot dist\/catalog-snapshot\.bin/,
      )
      // npm execs node in place of its shell: the server is npm's own child, compiled, no tsx.
      const [serverProcess] = await childrenOf(server.child.pid!)
      expect(serverProcess?.command).toBe('node dist/node.js')
      const check = await fetch(`${server.url}/api/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Ring 046-28 52 900' }),
      })
      expect(((await check.json()) as { verdict: string }).verdict).toBe('official-contacts')
    } finally {
      await server.stop()
    }
  }, 90_000)

  it('builds again only when a source changed', async () => {
    const again = await start(project, { DATA_DIR: join(dir, 'data-2') })
    await again.stop()
    expect(again.output()).not.toContain('compiling')

    await appendFile(join(project, 'src/core/lazy.ts'), '\n// a change\n')
    const changed = await start(project, { DATA_DIR: join(dir, 'data-3') })
    await changed.stop()
    expect(changed.output()).toContain(
      'compiling the server into dist/ (a source changed since the last build)',
    )
  }, 120_000)

  it('finds its migrations and records from another working directory', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'elsewhere-'))
    const server = await start(elsewhere, { DATA_DIR: join(elsewhere, 'data') }, [
      process.execPath,
      join(project, 'dist/node.js'),
    ])
    try {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
        alerts: number
        checks: { database: { status: string } }
      }
      expect(health).toMatchObject({ alerts: 1, checks: { database: { status: 'ok' } } })
      const db = await readFile(join(elsewhere, 'data', 'bedragerivarningar.sqlite'))
      expect(db.length).toBeGreaterThan(0)
    } finally {
      await server.stop()
      await rm(elsewhere, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('the compiled server with records the snapshot was not made from', () => {
  it('refuses the snapshot, says why, and validates and indexes the records itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'node-stale-'))
    const project = await copyProject(join(dir, 'project'))
    await run('npm', ['run', '--silent', 'build'], { cwd: project })
    const alerts = join(dir, 'alerts')
    await mkdir(alerts)
    await writeFile(join(alerts, 'fiction.yaml'), stringify(fictionalAlert()))
    const server = await start(project, { DATA_DIR: join(dir, 'data'), ALERTS_DIR: alerts }, [
      process.execPath,
      'dist/node.js',
    ])
    try {
      expect(server.output()).toContain(
        'Catalog: 1 record file(s) validated and indexed at start-up, because dist/catalog-snapshot.bin is stale: the snapshot was made from other records',
      )
      const check = await fetch(`${server.url}/api/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Ring 08-465 004 00 eller 046-28 52 900' }),
      })
      const { findings } = (await check.json()) as { findings: { status: string }[] }
      // Exempelbolaget's number is official here; jem & fix's, in the snapshot's records only,
      // is not (and, next to an official number of another company, not that company's).
      expect(findings.map((f) => f.status)).toEqual(['official', 'not-official'])
    } finally {
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }, 90_000)
})

describe('signals sent to npm start reach the server', () => {
  it('stops the server on SIGTERM to npm alone, after finishing open requests', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'npm-term-'))
    const server = await start('.', { DATA_DIR: dataDir })
    const [serverProcess] = await childrenOf(server.child.pid!)
    try {
      process.kill(server.child.pid!, 'SIGTERM')
      expect(await gone(serverProcess!.pid, server.url)).toBe(true)
      expect(server.output()).toMatch(/SIGTERM: finishing open requests/)
    } finally {
      stopLeftovers(server, serverProcess?.pid)
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 90_000)

  it('stops the server when npm alone is killed with SIGKILL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'npm-kill-'))
    const server = await start('.', { DATA_DIR: dataDir })
    const [serverProcess] = await childrenOf(server.child.pid!)
    try {
      process.kill(server.child.pid!, 'SIGKILL')
      expect(await gone(serverProcess!.pid, server.url)).toBe(true)
      expect(server.output()).toMatch(/the parent process is gone: finishing open requests/)
    } finally {
      stopLeftovers(server, serverProcess?.pid)
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 90_000)
})
