import { describe, expect, it } from 'vitest'
import { describeMailError } from '../../src/mail/mailer'
import { redact } from '../../src/security/redact'

const TOKEN = 'Ab3_d-Ef5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5a6bC'

describe('redact: log events, not people (finding 3)', () => {
  it.each([
    [
      'an address',
      'rejected <Anna.Svensson+news@Example.se>: no such user',
      'rejected <[address]>: no such user',
    ],
    ['an internationalized address', 'to anna@bücher.example failed', 'to [address] failed'],
    [
      'a confirmation link',
      `open https://v.example.se/confirm?token=${TOKEN} now`,
      'open https://v.example.se/confirm?token=[token] now',
    ],
    ['a bare token', `token ${TOKEN} used`, 'token [token] used'],
    [
      'credentials in a URL',
      'connect smtps://user:hunter2@smtp.example.com:465 failed',
      'connect smtps://[credentials]@smtp.example.com:465 failed',
    ],
  ])('removes %s', (_kind, text, expected) => {
    expect(redact(text)).toBe(expected)
  })

  it('leaves ordinary text alone', () => {
    expect(redact('confirmation mail 12 sent in 34 ms (250 2.0.0 OK)')).toBe(
      'confirmation mail 12 sent in 34 ms (250 2.0.0 OK)',
    )
  })
})

describe('describeMailError', () => {
  it('describes a nodemailer refusal by its code and reply, without the recipient', () => {
    const error = Object.assign(
      new Error(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <victim@example.se>: Recipient address rejected",
      ),
      {
        code: 'EENVELOPE',
        command: 'RCPT TO',
        responseCode: 550,
        rejected: ['victim@example.se'],
        response: '550 5.1.1 <victim@example.se>: Recipient address rejected',
      },
    )
    const line = describeMailError(error)
    expect(line).not.toContain('victim')
    expect(line).toMatch(/EENVELOPE/)
    expect(line).toMatch(/550/)
  })

  it('describes whatever else was thrown without failing', () => {
    expect(describeMailError(null)).toBe('null')
    expect(describeMailError('to a@example.se')).toBe('to [address]')
  })
})
