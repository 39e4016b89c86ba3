import { describe, expect, it } from 'vitest'
import { parseNodeSettings } from '../src/node-settings'

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
})
