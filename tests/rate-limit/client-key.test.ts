import { describe, expect, it } from 'vitest'
import { clientKey } from '../../src/rate-limit/client-key'

describe('clientKey: whom a rate limit counts (finding 7)', () => {
  it('keys an IPv4 address as itself, however it is spelled', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey(' 203.0.113.07 ')).toBe('203.0.113.7')
  })

  it.each([
    '2001:db8:aa:bb::1',
    '2001:DB8:AA:BB::FFFF',
    '2001:0db8:00aa:00bb:0000:0000:0000:0001',
    '2001:db8:aa:bb:1:2:3:4',
    '2001:db8:aa:bb:ffff:ffff:1.2.3.4',
    '[2001:db8:aa:bb::9]',
    'fe80::1%eth0'.replace('fe80::1', '2001:db8:aa:bb::1'),
  ])('keys %s by its /64', (address) => {
    expect(clientKey(address)).toBe('2001:db8:aa:bb::/64')
  })

  it('gives another /64 another key', () => {
    expect(clientKey('2001:db8:aa:bc::1')).toBe('2001:db8:aa:bc::/64')
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
  })

  it('keys an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(clientKey('::FFFF:c000:0201')).toBe('192.0.2.1')
  })

  it.each([
    '',
    'unknown',
    '1.2.3',
    '2001:db8::1::2',
    '2001:db8:1:2:3:4:5:6:7',
    'g::1',
    '256.1.1.1',
  ])('has no key for %j, which is not an address', (value) => {
    expect(clientKey(value)).toBeNull()
  })
})
