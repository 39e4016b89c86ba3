import { describe, expect, it } from 'vitest'
import { inboxKey, mailboxKey } from '../../../src/core/subscriptions/mailbox'

describe('inboxKey: the inbox an address delivers to, for the confirmation-mail limit', () => {
  it.each([
    ['Victim@Example.se', 'victim@example.se'],
    ['victim+0@example.se', 'victim@example.se'],
    ['Victim+Larm+2@EXAMPLE.SE', 'victim@example.se'],
    ['victim.name@gmail.com', 'victimname@gmail.com'],
    ['v.i.c.t.i.m.n.a.m.e+x@googlemail.com', 'victimname@gmail.com'],
    ['anna@bücher.example', 'anna@xn--bcher-kva.example'],
  ])('%s is the inbox %s', (address, inbox) => {
    expect(inboxKey(address)).toBe(inbox)
  })

  it('keeps what other providers may treat as part of the name: dots, hyphens, a leading +', () => {
    expect(inboxKey('anna.svensson@example.se')).toBe('anna.svensson@example.se')
    expect(inboxKey('anna-larm@example.se')).toBe('anna-larm@example.se')
    expect(inboxKey('+46701740605@example.se')).toBe('+46701740605@example.se')
  })

  it('is coarser than the mailbox key, which keeps the tag (one subscriber per spelling)', () => {
    expect(mailboxKey('Victim+0@example.se')).toBe('victim+0@example.se')
  })
})
