import { describe, expect, it } from 'vitest'
import { parseWorkerSettings } from '../../src/settings/worker-settings'

const PUBLIC_URL = 'https://varningar.example.se'
const ok = (env: Record<string, string | undefined>) => {
  const settings = parseWorkerSettings(env)
  if (!settings.ok) throw new Error(`unexpected fatal problem: ${settings.problem}`)
  return settings
}

describe('parseWorkerSettings: read once, never failing the whole site for one setting (finding 5)', () => {
  it('reads a complete production configuration without a problem', () => {
    const settings = ok({
      PUBLIC_URL: `${PUBLIC_URL}/`,
      SMTP_URL: 'smtps://user:secret@smtp.example.com:465',
      MAIL_FROM: 'Varningar <noreply@varningar.example.se>',
      CONTACT_EMAIL: 'rattelse@varningar.example.se',
      DIGEST_HOUR: '7',
      DIGEST_TIMEZONE: 'Europe/Stockholm',
    })
    expect(settings).toEqual({
      ok: true,
      environment: 'production',
      publicUrl: PUBLIC_URL,
      contactEmail: 'rattelse@varningar.example.se',
      mail: {
        kind: 'smtp',
        url: 'smtps://user:secret@smtp.example.com:465',
        from: 'Varningar <noreply@varningar.example.se>',
      },
      digest: { hour: 7, timeZone: 'Europe/Stockholm' },
      queue: { subscribersPerMessage: 100, retryBaseSeconds: 30, throwAfterSends: null },
      problems: [],
    })
  })

  it('has the defaults of the Node server: 07:00 Europe/Stockholm, a sender from PUBLIC_URL', () => {
    const settings = ok({ PUBLIC_URL, SMTP_URL: 'smtp://smtp.example.com:587' })
    expect(settings.digest).toEqual({ hour: 7, timeZone: 'Europe/Stockholm' })
    expect(settings.mail).toMatchObject({
      kind: 'smtp',
      from: 'Bedrägerivarningar <noreply@varningar.example.se>',
    })
  })

  it('turns mail off for a malformed SMTP_URL, naming the setting but never its value', () => {
    for (const url of ['http://user:hunter2@smtp.example.com', 'smtp//hunter2', 'hunter2']) {
      const { mail } = ok({ PUBLIC_URL, SMTP_URL: url })
      expect(mail.kind, url).toBe('off')
      if (mail.kind !== 'off') continue
      expect(mail.problem).toMatch(/SMTP_URL/)
      expect(mail.problem).not.toContain('hunter2')
    }
  })

  it('turns mail off without SMTP_URL outside development, and says digests will not run', () => {
    const { mail } = ok({ PUBLIC_URL })
    expect(mail).toEqual({ kind: 'off', problem: expect.stringMatching(/SMTP_URL is not set/) })
  })

  it.each(['http://localhost:8787', 'http://127.0.0.1', 'http://[::1]:8787', 'http://x.localhost'])(
    'refuses to mail links to %s outside development (finding 6)',
    (publicUrl) => {
      const { mail } = ok({ PUBLIC_URL: publicUrl, SMTP_URL: 'smtp://smtp.example.com:587' })
      expect(mail.kind).toBe('off')
      if (mail.kind === 'off') expect(mail.problem).toMatch(/PUBLIC_URL .* this machine/)
    },
  )

  it('in explicit development mode mails localhost links, or logs mail without SMTP_URL', () => {
    expect(
      ok({
        ENVIRONMENT: 'development',
        PUBLIC_URL: 'http://localhost:8787',
        SMTP_URL: 'smtp://127.0.0.1:2525',
      }).mail,
    ).toMatchObject({ kind: 'smtp' })
    expect(ok({ ENVIRONMENT: 'development', PUBLIC_URL: 'http://localhost:8787' }).mail).toEqual({
      kind: 'log',
      from: 'Bedrägerivarningar <noreply@localhost.localdomain>',
    })
  })

  it('fails only without a usable PUBLIC_URL, which every page needs', () => {
    for (const env of [{}, { PUBLIC_URL: 'varningar.example.se' }, { PUBLIC_URL: 'ftp://x.se' }]) {
      const settings = parseWorkerSettings(env)
      expect(settings.ok).toBe(false)
      if (!settings.ok) expect(settings.problem).toMatch(/PUBLIC_URL/)
    }
  })

  it('reports other bad settings as problems and falls back to safe values', () => {
    const settings = ok({
      PUBLIC_URL,
      SMTP_URL: 'smtp://smtp.example.com:587',
      CONTACT_EMAIL: 'a@example.se, b@example.se',
      DIGEST_HOUR: '25',
      DIGEST_TIMEZONE: 'Mars/Olympus',
      ENVIRONMENT: 'staging',
      MAIL_FROM: 'x',
    })
    expect(settings.contactEmail).toBeUndefined()
    expect(settings.digest.hour).toBe('off')
    expect(settings.environment).toBe('production')
    expect(settings.mail.kind).toBe('off')
    expect(settings.problems.join('\n')).toMatch(/CONTACT_EMAIL/)
    expect(settings.problems.join('\n')).toMatch(/DIGEST_HOUR/)
    expect(settings.problems.join('\n')).toMatch(/DIGEST_TIMEZONE/)
    expect(settings.problems.join('\n')).toMatch(/ENVIRONMENT/)
  })

  it('accepts DIGEST_HOUR=off', () => {
    expect(ok({ PUBLIC_URL, DIGEST_HOUR: 'off' }).digest.hour).toBe('off')
  })
})

describe('the digest queue settings (issue 13)', () => {
  it('reads the subscribers per message and the retry backoff', () => {
    expect(
      ok({ PUBLIC_URL, DIGEST_BATCH_SUBSCRIBERS: '10', DIGEST_RETRY_SECONDS: '0' }).queue,
    ).toEqual({ subscribersPerMessage: 10, retryBaseSeconds: 0, throwAfterSends: null })
  })

  it.each([
    ['DIGEST_BATCH_SUBSCRIBERS', '0'],
    ['DIGEST_BATCH_SUBSCRIBERS', '101'],
    ['DIGEST_BATCH_SUBSCRIBERS', 'many'],
    ['DIGEST_RETRY_SECONDS', '-1'],
    ['DIGEST_RETRY_SECONDS', '3601'],
  ])('falls back to the default for %s=%s and reports it', (name, value) => {
    const settings = ok({ PUBLIC_URL, [name]: value })
    expect(settings.queue).toMatchObject({ subscribersPerMessage: 100, retryBaseSeconds: 30 })
    expect(settings.problems.join('\n')).toMatch(new RegExp(name))
  })

  it('injects the consumer fault only in development, and reports it anywhere else', () => {
    const development = ok({
      PUBLIC_URL: 'http://localhost:8787',
      ENVIRONMENT: 'development',
      DIGEST_FAULT: 'throw-after-sends:7',
    })
    expect(development.queue.throwAfterSends).toBe(7)
    expect(development.problems).toEqual([])
    const production = ok({ PUBLIC_URL, DIGEST_FAULT: 'throw-after-sends:7' })
    expect(production.queue.throwAfterSends).toBeNull()
    expect(production.problems.join('\n')).toMatch(/DIGEST_FAULT .*development/)
    expect(
      ok({ PUBLIC_URL, ENVIRONMENT: 'development', DIGEST_FAULT: 'x' }).problems.join('\n'),
    ).toMatch(/DIGEST_FAULT/)
  })
})
