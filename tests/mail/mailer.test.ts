import { describe, expect, it } from 'vitest'
import { classifyMailError } from '../../src/mail/mailer'

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
})
