import { describe, expect, it } from 'vitest'
import { isLoopbackUrl, TimeZone } from '../../src/settings/shared-settings'

// `npm run digest`, the Node schedule and the Worker refuse to mail links to this machine.
describe('isLoopbackUrl with other spellings of this machine', () => {
  it.each([
    'http://localhost.:8787',
    'http://foo.localhost./',
    'http://localhost.localdomain./',
    'http://LOCALHOST:8787',
    'http://[::ffff:127.0.0.1]:8787',
    'http://[::]:8787',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f.0.0.1/',
    'http://0/',
    'http://[::ffff:0.0.0.0]/',
  ])('%s is loopback', (url) => {
    expect(isLoopbackUrl(url)).toBe(true)
  })

  it.each([
    'https://varningar.example.se',
    'https://localhost.example.se',
    'http://128.0.0.1/',
    'http://[2001:db8::1]/',
    'http://[::ffff:192.0.2.1]/',
  ])('%s is not', (url) => {
    expect(isLoopbackUrl(url)).toBe(false)
  })
})

describe('TimeZone', () => {
  it('takes canonical zones, aliases the runtime knows, and refuses the rest', () => {
    expect(TimeZone.safeParse('Europe/Stockholm').success).toBe(true)
    expect(TimeZone.safeParse('UTC').success).toBe(true)
    // An alias the list of canonical zones leaves out; the formatter knows it.
    expect(Intl.supportedValuesOf('timeZone')).not.toContain('US/Eastern')
    expect(TimeZone.safeParse('US/Eastern').success).toBe(true)
    expect(TimeZone.safeParse('Mars/Olympus').success).toBe(false)
    expect(TimeZone.safeParse('').success).toBe(false)
  })
})
