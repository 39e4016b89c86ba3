import { describe, expect, it } from 'vitest'
import { isLoopbackUrl, parseNodeSettings } from '../../src/settings/node-settings'

describe('parseNodeSettings', () => {
  it('needs no configuration', () => {
    expect(parseNodeSettings({})).toMatchObject({
      PORT: 8787,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      PUBLIC_URL: 'http://127.0.0.1:8787',
      MAIL_FROM: 'Bedrägerivarningar <noreply@localhost.localdomain>',
      DIGEST_HOUR: 7,
      DIGEST_TIMEZONE: 'Europe/Stockholm',
    })
  })

  it('derives the sender from PUBLIC_URL and drops a trailing slash', () => {
    const settings = parseNodeSettings({ PUBLIC_URL: 'https://varningar.example.se/' })
    expect(settings.PUBLIC_URL).toBe('https://varningar.example.se')
    expect(settings.MAIL_FROM).toBe('Bedrägerivarningar <noreply@varningar.example.se>')
  })

  it('names every bad variable', () => {
    expect(() =>
      parseNodeSettings({
        PORT: 'eighty',
        SMTP_URL: 'http://mail.example.com',
        DIGEST_HOUR: '25',
        DIGEST_TIMEZONE: 'Mars/Olympus',
      }),
    ).toThrow(
      /PORT: .*\n.*SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL\n.*DIGEST_HOUR: .*\n.*DIGEST_TIMEZONE: must be an IANA time zone/,
    )
  })

  it('accepts DIGEST_HOUR=off', () => {
    expect(parseNodeSettings({ DIGEST_HOUR: 'off' }).DIGEST_HOUR).toBe('off')
  })

  it.each([
    ['false', 0],
    ['true', 1],
    ['2', 2],
  ])('reads TRUST_PROXY=%s as %i trusted proxies', (value, hops) => {
    expect(parseNodeSettings({ TRUST_PROXY: value }).TRUST_PROXY).toBe(hops)
  })

  it('has server timeouts and a connection cap by default, and refuses nonsense', () => {
    expect(parseNodeSettings({})).toMatchObject({
      HEADERS_TIMEOUT_MS: 10_000,
      REQUEST_TIMEOUT_MS: 30_000,
      KEEP_ALIVE_TIMEOUT_MS: 5_000,
      MAX_CONNECTIONS: 1_000,
      DIGEST_LEASE_SECONDS: 60,
      TRUST_PROXY: 0,
    })
    expect(() => parseNodeSettings({ TRUST_PROXY: 'yes', REQUEST_TIMEOUT_MS: '5' })).toThrow(
      /TRUST_PROXY: .*\n.*REQUEST_TIMEOUT_MS/,
    )
  })

  it('limits connections per client to a quarter of the cap (2 to 32), and not behind a proxy', () => {
    expect(parseNodeSettings({}).MAX_CONNECTIONS_PER_CLIENT).toBe(32)
    expect(parseNodeSettings({ MAX_CONNECTIONS: '8' }).MAX_CONNECTIONS_PER_CLIENT).toBe(2)
    expect(parseNodeSettings({ MAX_CONNECTIONS: '40' }).MAX_CONNECTIONS_PER_CLIENT).toBe(10)
    expect(parseNodeSettings({ TRUST_PROXY: 'true' }).MAX_CONNECTIONS_PER_CLIENT).toBe(0)
    expect(
      parseNodeSettings({ TRUST_PROXY: '1', MAX_CONNECTIONS_PER_CLIENT: '100' })
        .MAX_CONNECTIONS_PER_CLIENT,
    ).toBe(100)
  })

  it('knows which public URLs point at this machine', () => {
    for (const url of [
      'http://127.0.0.1:8787',
      'http://localhost',
      'http://[::1]:80',
      'http://a.localhost',
    ])
      expect(isLoopbackUrl(url), url).toBe(true)
    expect(isLoopbackUrl('https://varningar.example.se')).toBe(false)
  })

  it('takes CONTACT_EMAIL as one address, and refuses a list or a name', () => {
    expect(
      parseNodeSettings({ CONTACT_EMAIL: 'rattelse@varningar.example.se' }).CONTACT_EMAIL,
    ).toBe('rattelse@varningar.example.se')
    expect(parseNodeSettings({}).CONTACT_EMAIL).toBeUndefined()
    for (const bad of ['a@example.se, b@example.se', 'Rättelse <a@example.se>', 'nope'])
      expect(() => parseNodeSettings({ CONTACT_EMAIL: bad }), bad).toThrow(/CONTACT_EMAIL: /)
  })
})
