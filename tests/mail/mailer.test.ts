import { describe, expect, it } from 'vitest'
import { classifyMailError, MailOutcomeUnknownError } from '../../src/mail/mailer'

describe('classifyMailError', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'socket closed'],
    ['a number', 42],
    ['an object without a code', { message: 'odd' }],
  ])('treats a thrown %s as temporary instead of throwing (finding 8)', (_kind, thrown) => {
    expect(classifyMailError(thrown)).toBe('temporary')
  })

  it('reads a 5xx to RCPT TO as a bounce, another 5xx as permanent and a 4xx as temporary', () => {
    expect(classifyMailError({ responseCode: 550, command: 'RCPT TO' })).toBe('bounce')
    expect(classifyMailError({ responseCode: 554, command: 'DATA' })).toBe('permanent')
    expect(classifyMailError({ responseCode: 451, command: 'RCPT TO' })).toBe('temporary')
  })

  it.each([
    '550 5.7.1 Service unavailable; client host [192.0.2.9] blocked using zen.spamhaus.org',
    '554 5.7.1 <s1@example.se>: Relay access denied',
    '550 5.7.606 Access denied, banned sending IP [192.0.2.9]',
    '550 Your IP 192.0.2.9 is listed on a DNSBL; see https://rbl.example/',
    '554 rejected due to poor reputation of the sending IP',
    '553 Mail from 192.0.2.9 refused, blacklisted',
  ])(
    'reads a 5xx to RCPT TO that refuses us, not the address, as a policy block: %s',
    (response) => {
      expect(
        classifyMailError({
          responseCode: Number(response.slice(0, 3)),
          command: 'RCPT TO',
          response,
        }),
      ).toBe('blocked')
    },
  )

  it.each([
    '550 5.1.1 <s1@example.se>: Recipient address rejected: User unknown in virtual mailbox table',
    '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    '550 Requested action not taken: mailbox unavailable',
    '551 5.1.6 User has moved',
  ])('still reads a 5xx for a bad address as a bounce: %s', (response) => {
    expect(
      classifyMailError({
        responseCode: Number(response.slice(0, 3)),
        command: 'RCPT TO',
        response,
      }),
    ).toBe('bounce')
  })

  it('reads a failure after the whole message was handed over, with no reply, as unknown', () => {
    const timeout = Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT', command: 'CONN' })
    expect(classifyMailError(new MailOutcomeUnknownError(timeout))).toBe('unknown')
    // The same timeout before the message went out is an ordinary temporary failure.
    expect(classifyMailError(timeout)).toBe('temporary')
  })
})
