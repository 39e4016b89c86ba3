import { describe, expect, it } from 'vitest'
import { extractContacts, extractSender, judgeCandidate } from '../../../src/core/check'
import { checkerIndex as index } from '../../support/checker'

/** Judges every candidate of a text, as [value, status, code, company]. */
function judged(text: string) {
  return extractContacts(text).candidates.map((candidate) => {
    const j = judgeCandidate(index, candidate)
    return j ? [candidate.value, j.status, j.reason.code, j.company] : [candidate.value, null]
  })
}

describe('judgeCandidate', () => {
  it.each([
    ['https://jemfix.com/x', 'official', 'official-host', 'jem-fix'],
    ['https://shop.jemfix.com/x', 'official', 'official-host', 'jem-fix'],
    ['kundtjanst@jemfix.com', 'official', 'official-email', 'jem-fix'],
    ['046-28 52 900', 'official', 'official-phone', 'jem-fix'],
    ['046-28 52 901', 'lookalike', 'phone-near', 'jem-fix'],
    ['0701740605', 'unknown', 'unknown-phone', null],
    ['facebook.com/jemofixsverige', 'official', 'official-handle', 'jem-fix'],
    ['facebook.com/jemfix.se', 'lookalike', 'handle-elsewhere', 'jem-fix'],
    ['facebook.com/jemfix_sverige', 'lookalike', 'lookalike-handle', 'jem-fix'],
    ['facebook.com/nagonannan', 'unknown', 'unknown-handle', null],
    ['https://jemfix。com/x', 'lookalike', 'unicode-dots', 'jem-fix'],
    ['https://jemfix.com@konto.example/x', 'lookalike', 'userinfo', 'jem-fix'],
    ['https://nagon@konto.example/x', 'not-official', 'userinfo', null],
    ['bit.ly/3xyzAB', 'not-official', 'shortener', null],
    ['jemfix.com.konto.example', 'lookalike', 'stacked', 'jem-fix'],
    ['https://jemfix.web.app/', 'lookalike', 'hosted', 'jem-fix'],
    ['jemfix-kampanj.example', 'lookalike', 'lookalike-host', 'jem-fix'],
    ['info@gmail.com', 'not-official', 'free-mail', null],
    ['http://2130706433/', 'not-official', 'ip-address', null],
    ['http://[::1]/', 'not-official', 'ip-address', null],
    ['http://intranet/', 'not-official', 'no-dot', null],
    ['http://jemfix/', 'lookalike', 'no-dot', 'jem-fix'],
    ['https://jemfix.kundservice/', 'lookalike', 'unlisted-suffix', 'jem-fix'],
    ['https://nyheter.kundservice/', 'not-official', 'unlisted-suffix', null],
    [`https://${'a'.repeat(70)}.example/`, 'not-official', 'too-long', null],
    ['https://nyheter.example.com/', 'unknown', 'unknown-host', null],
    ['https://semester.netlify.app/', 'unknown', 'unknown-host', null],
  ])('judges %s %s (%s)', (value, status, code, company) => {
    expect(judged(`Se ${value} nu`)).toContainEqual([value, status, code, company])
  })

  it.each([
    [
      'an official link forwarding elsewhere',
      'https://jemfix.com/r?to=https://konto.example/',
      [
        [
          'https://jemfix.com/r?to=https://konto.example/',
          'official',
          'official-forwards',
          'jem-fix',
        ],
        ['https://konto.example/', 'not-official', 'forwarded', 'jem-fix'],
      ],
    ],
    [
      'an official link forwarding to a lookalike',
      'https://jemfix.com/r?to=https://jemfix-login.example/',
      [
        [
          'https://jemfix.com/r?to=https://jemfix-login.example/',
          'official',
          'official-forwards',
          'jem-fix',
        ],
        ['https://jemfix-login.example/', 'lookalike', 'forwarded', 'jem-fix'],
      ],
    ],
    [
      'an official address shown over another target',
      '<a href="https://konto.example/">jemfix.com</a>',
      [
        ['https://konto.example/', 'lookalike', 'shown-official', 'jem-fix'],
        ['jemfix.com', 'official', 'official-host', 'jem-fix'],
      ],
    ],
    [
      'an account name that looks like a domain',
      'På Instagram heter vi jemfix.se',
      [['jemfix.se', 'official', 'official-handle', 'jem-fix']],
    ],
    [
      'a plain word after a platform name that is no account',
      'Instagram kampanjen',
      [['kampanjen', null]],
    ],
  ])('judges %s', (_case, text, expected) => {
    expect(judged(text)).toEqual(expected)
  })

  it.each([
    ['PROVBANKEN', 'official', 'official-sender-id', 'provbanken'],
    ['Provbanken', 'official', 'official-sender-id', 'provbanken'],
    ['PROVBANKKEN', 'not-official', 'sender-id-unlisted', 'provbanken'],
    ['JEMFIX', 'unknown', 'sender-id-like', 'jem-fix'],
    ['INFO', 'unknown', 'unknown-sender-id', null],
  ])('judges the SMS sender name %s %s (%s)', (sender, status, code, company) => {
    const [candidate] = extractSender(sender, '').candidates
    expect(judgeCandidate(index, candidate!)).toMatchObject({
      kind: 'sender-id',
      status,
      company,
      reason: { code },
    })
  })
})
