import type { Server, Socket } from 'node:net'
import { clientKey } from '../../rate-limit/client-key'

/**
 * Closes a new connection at once when its client (an IPv4 address or an IPv6 /64, as for
 * rate limits) already holds `max` open ones, so that one client cannot take every slot of
 * the server's connection cap by opening idle sockets and reopening each one the server
 * times out. Only meaningful when clients connect directly: behind a proxy every connection
 * comes from the proxy, which must do this itself.
 */
export function limitConnectionsPerClient(server: Server, max: number): { open: () => number } {
  const open = new Map<string, number>()
  server.on('connection', (socket: Socket) => {
    const key = socket.remoteAddress ? clientKey(socket.remoteAddress) : null
    // A connection already gone has no address; there is nothing left to limit.
    if (key === null) return
    const held = open.get(key) ?? 0
    if (held >= max) {
      socket.destroy()
      return
    }
    open.set(key, held + 1)
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1
      if (left > 0) open.set(key, left)
      else open.delete(key)
    })
  })
  return { open: () => [...open.values()].reduce((sum, n) => sum + n, 0) }
}
