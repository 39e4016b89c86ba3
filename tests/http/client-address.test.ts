import { describe, expect, it } from 'vitest'
import { clientAddress } from '../../src/http/client-address'

const PEER = '10.0.0.9'

describe('clientAddress (finding 6)', () => {
  it('uses the socket peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress('203.0.113.7', 0, PEER)).toBe(PEER)
  })

  it('takes the entry the trusted proxy appended (the rightmost), not what the client wrote', () => {
    expect(clientAddress('198.51.100.1, 198.51.100.2, 203.0.113.7', 1, PEER)).toBe('203.0.113.7')
  })

  it('takes the Nth entry from the right behind N proxies', () => {
    expect(clientAddress('1.2.3.4, 203.0.113.7, 192.0.2.10', 2, PEER)).toBe('203.0.113.7')
  })

  it.each([
    ['fewer entries than proxies', '203.0.113.7', 2],
    ['a spoofed non-address in the trusted place', '203.0.113.7, not-an-ip', 1],
    ['an empty entry', '203.0.113.7, ', 1],
  ])('falls back to the peer for %s', (_kind, header, hops) => {
    expect(clientAddress(header, hops, PEER)).toBe(PEER)
  })

  it('reads IPv6 entries, with or without brackets', () => {
    expect(clientAddress('[2001:DB8::1]', 1, PEER)).toBe('2001:db8::1')
    expect(clientAddress('x, 2001:db8::2', 1, PEER)).toBe('2001:db8::2')
  })
})
