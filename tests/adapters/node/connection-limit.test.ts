import { connect, createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { limitConnectionsPerClient } from '../../../src/adapters/node/connection-limit'

let server: Server | undefined
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await new Promise((r) => (server ? server.close(r) : r(null)))
})

/** Connects from `from`; resolves with the socket and whether the server kept it open. */
function open(port: number, from: string): Promise<{ socket: Socket; kept: boolean }> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: from })
    sockets.push(socket)
    socket.on('error', () => {})
    socket.once('close', () => resolve({ socket, kept: false }))
    // The server greets every connection it keeps.
    socket.once('data', () => resolve({ socket, kept: true }))
  })
}

describe('limitConnectionsPerClient', () => {
  it('closes a client’s connection beyond the limit at once, and leaves other clients alone', async () => {
    // Greets on the next turn, as an HTTP server answers only later: the limit acts first.
    server = createServer((socket) =>
      setImmediate(() => socket.destroyed || socket.write('hello\n')),
    )
    const limit = limitConnectionsPerClient(server, 2)
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
    const port = (server.address() as { port: number }).port

    const first = await open(port, '127.0.0.1')
    const second = await open(port, '127.0.0.1')
    const third = await open(port, '127.0.0.1')
    expect([first.kept, second.kept, third.kept]).toEqual([true, true, false])
    const other = await open(port, '127.0.0.2')
    expect(other.kept).toBe(true)
    expect(limit.open()).toBe(3)

    first.socket.destroy()
    await new Promise((r) => setTimeout(r, 50))
    const again = await open(port, '127.0.0.1')
    expect(again.kept).toBe(true)
  })
})
