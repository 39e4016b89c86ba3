const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/
const HEXTET = /^[0-9a-f]{1,4}$/

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail included); null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address
  const tail: number[] = []
  const v4 = text.match(/:(\d+\.\d+\.\d+\.\d+)$/)
  if (v4) {
    if (!IPV4.test(v4[1]!)) return null
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number]
    tail.push((a << 8) | b, (c << 8) | d)
    text = `${text.slice(0, -v4[1]!.length)}0:0`
  }
  const halves = text.split('::')
  if (halves.length > 2) return null
  const parse = (part: string) => (part === '' ? [] : part.split(':'))
  const head = parse(halves[0]!)
  const rest = halves.length === 2 ? parse(halves[1]!) : []
  if (![...head, ...rest].every((g) => HEXTET.test(g))) return null
  const missing = 8 - head.length - rest.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...rest].map(
    (g) => Number.parseInt(g, 16),
  )
  if (tail.length) groups.splice(6, 2, ...tail)
  return groups
}

/**
 * Whom a rate limit counts for a client address: an IPv4 address as itself, an IPv6 address
 * by its /64 (what one household, phone or server is given; counting each address would give
 * one client 2^64 buckets), an IPv4-mapped IPv6 address as its IPv4 address. Null for
 * anything that is not an address: the caller refuses such a request rather than put every
 * such client in one shared bucket.
 */
export function clientKey(address: string): string | null {
  const trimmed = address
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '')
    .toLowerCase()
  // Decimal parts without leading zeros: 203.0.113.07 is 203.0.113.7.
  if (IPV4.test(trimmed)) return trimmed.split('.').map(Number).join('.')
  if (!trimmed.includes(':')) return null
  const groups = ipv6Groups(trimmed)
  if (!groups) return null
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6]!, groups[7]!]
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
}
