import { mkdtemp, rm } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../support/server'

// ATTACK (issue 10, finding 10, README "Slow clients and connection floods": "Timeouts and the
// connection cap bound what one client holds"). One client, no bandwidth to speak of: it opens
// MAX_CONNECTIONS sockets, sends nothing, and opens a new one whenever the server closes one.
let dataDir: string
let server: RunningServer

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'connections-'))
  server = await startServer({
    DATA_DIR: dataDir,
    DIGEST_HOUR: 'off',
    HEADERS_TIMEOUT_MS: '1000',
    REQUEST_TIMEOUT_MS: '1500',
    MAX_CONNECTIONS: '8',
  })
}, 60_000)

afterAll(async () => {
  await server?.stop()
  await rm(dataDir, { recursive: true, force: true })
})

/** One request on a fresh connection, as a new visitor's browser makes it: its status line. */
function visit(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const done = (answer: string) => {
      resolve(answer)
      socket.destroy()
    }
    socket.on('error', (e) => done(`error ${e.message}`))
    socket.once('connect', () =>
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    )
    socket.once('data', (d) => done(String(d).split('\r\n')[0]!))
    socket.once('close', () => done('closed'))
    setTimeout(() => done('timeout'), 3_000)
  })
}

describe('one client and the connection cap', () => {
  it('another visitor is still served while one client keeps idle connections open', async () => {
    const port = Number(new URL(server.url).port)
    let holding = true
    const held = new Set<Socket>()
    const hold = () => {
      if (!holding) return
      const socket = connect(port, '127.0.0.1')
      held.add(socket)
      socket.on('error', () => {})
      socket.resume()
      let reopened = false
      const reopen = () => {
        held.delete(socket)
        socket.destroy()
        if (!reopened) {
          reopened = true
          setImmediate(hold)
        }
      }
      socket.on('end', reopen)
      socket.on('close', reopen)
    }
    for (let i = 0; i < 8; i++) hold()
    await new Promise((r) => setTimeout(r, 300))

    const answers: string[] = []
    for (let i = 0; i < 20; i++) {
      answers.push(await visit(port))
      await new Promise((r) => setTimeout(r, 150))
    }
    holding = false
    for (const socket of held) socket.destroy()

    const served = answers.filter((a) => a.startsWith('HTTP/1.1 200')).length
    expect(
      served,
      `answers to another visitor: ${[...new Set(answers)].join(', ')}`,
    ).toBeGreaterThanOrEqual(15)
  }, 30_000)
})
