/**
 * How many reverse proxies in front of the server append to X-Forwarded-For: 0 trusts no
 * header and uses the socket's peer.
 */
export type TrustedProxyHops = number

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/
const IPV6 = /^[0-9a-f:.]+$/i

/** An IP address as proxies write it (IPv4, IPv6), without port or brackets; null otherwise. */
export function parseIpAddress(value: string): string | null {
  const trimmed = value.trim()
  if (IPV4.test(trimmed)) return trimmed
  const unbracketed = trimmed.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  return unbracketed.includes(':') && IPV6.test(unbracketed) ? unbracketed : null
}

/**
 * The client's address behind `hops` trusted proxies, or null when not even the socket's
 * peer is known (the connection is already gone). Each proxy appends the address it
 * received the request from, so only the entries on the right were written by proxies we
 * trust: the client's is the `hops`-th from the right. Everything to its left was written
 * by the client and may be anything. With fewer entries than hops, or an entry that is not
 * an address, the request did not come through the proxies as configured, and the socket's
 * peer is the only address we know.
 */
export function clientAddress(
  forwardedFor: string | undefined,
  hops: TrustedProxyHops,
  peer: string | undefined,
): string | null {
  const fallback = peer ? (parseIpAddress(peer) ?? peer) : null
  if (hops <= 0 || !forwardedFor) return fallback
  const entries = forwardedFor.split(',')
  const entry = entries[entries.length - hops]
  return (entry !== undefined && parseIpAddress(entry)) || fallback
}
