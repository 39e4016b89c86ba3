import { describe, expect, it } from 'vitest'
import type { ContactCandidate } from '../../../src/core/check'
import { extractContacts, extractSender, judgeCandidate } from '../../../src/core/check'
import { TOO_MUCH_TO_CHECK } from '../../../src/core/check/red-flags'
import {
  claimedCompany,
  decide,
  type JudgedFinding,
  mergeFindings,
  underClaim,
  verdictOf,
} from '../../../src/core/check/verdict'
import { checkerIndex as index } from '../../support/checker'

function judgedOf(candidates: ContactCandidate[]) {
  return candidates.flatMap((candidate) => {
    const judgment = judgeCandidate(index, candidate)
    return judgment ? [{ candidate, judgment }] : []
  })
}

const judgedText = (text: string) => judgedOf(extractContacts(text).candidates)

function finding(overrides: Partial<JudgedFinding>): JudgedFinding {
  return {
    kind: 'phone',
    normalized: '+46701740605',
    status: 'unknown',
    company: null,
    reason: { code: 'unknown-phone' },
    value: '0701740605',
    places: [{ source: 'text', value: '0701740605' }],
    ...overrides,
  }
}

describe('mergeFindings', () => {
  it('keeps one finding per kind and normalized value, with every place in order', () => {
    const sender = extractSender('noreply@jemfix.com', '').candidates
    const text = extractContacts('Svara NOREPLY@jemfix.com eller noreply@jemfix.com').candidates
    const [merged, ...rest] = mergeFindings(judgedOf([...sender, ...text]))
    expect(rest).toEqual([])
    expect(merged?.places).toEqual([
      { source: 'sender', value: 'noreply@jemfix.com' },
      { source: 'text', value: 'NOREPLY@jemfix.com' },
      { source: 'text', value: 'noreply@jemfix.com' },
    ])
  })

  it('lets the most serious judgment of a contact point stand', () => {
    const [link] = mergeFindings(
      judgedText('https://konto.example/a och <a href="https://konto.example/b">jemfix.com</a>'),
    )
    expect(link).toMatchObject({ status: 'lookalike', value: 'https://konto.example/b' })
    expect(link?.places.map((p) => p.source)).toEqual(['text', 'link-target'])
  })

  it('keeps a link and a bare domain apart: they are different kinds', () => {
    expect(mergeFindings(judgedText('konto.example och https://konto.example/x'))).toHaveLength(2)
  })
})

describe('claimedCompany', () => {
  it.each([
    ['named in the text', 'Hej från jem & fix', [], 'jem-fix'],
    ['named most', 'Provbanken, jem och fix och Jem O Fix', [], 'jem-fix'],
    [
      'by its contacts alone',
      'Ring',
      [finding({ status: 'official', company: 'provbanken' })],
      'provbanken',
    ],
    ['by a lookalike of it', '', [finding({ status: 'lookalike', company: 'jem-fix' })], 'jem-fix'],
    ['not by an unknown contact', '', [finding({ status: 'unknown', company: 'jem-fix' })], null],
  ])('recognizes the company %s', (_case, text, findings, slug) => {
    expect(claimedCompany(index, findings, text)).toBe(slug)
  })
})

describe('underClaim', () => {
  it('calls an unknown contact point not official for the claimed company', () => {
    expect(underClaim(index, finding({}), 'jem-fix')).toMatchObject({
      status: 'not-official',
      company: 'jem-fix',
      reason: { code: 'not-the-company', slug: 'jem-fix', inner: { code: 'unknown-phone' } },
    })
  })

  it('leaves an SMS sender name unknown when the company names none', () => {
    const name = finding({
      kind: 'sender-id',
      value: 'JEMFIX',
      reason: { code: 'unknown-sender-id', name: 'JEMFIX' },
    })
    expect(underClaim(index, name, 'jem-fix')).toBe(name)
  })

  it('calls an SMS sender name not official when the company names its own', () => {
    const name = finding({
      kind: 'sender-id',
      value: 'BANKEN',
      reason: { code: 'unknown-sender-id', name: 'BANKEN' },
    })
    expect(underClaim(index, name, 'provbanken')).toMatchObject({
      status: 'not-official',
      reason: { code: 'sender-id-unlisted', listed: ['PROVBANKEN'] },
    })
  })

  it("calls another company's official contact point not official for the claimed company", () => {
    const theirs = finding({
      status: 'official',
      company: 'jem-fix',
      reason: { code: 'official-phone', display: '046-28 52 900', label: null, slug: 'jem-fix' },
    })
    expect(underClaim(index, theirs, 'exempelbolaget')).toMatchObject({
      status: 'not-official',
      company: 'exempelbolaget',
      reason: {
        code: 'not-the-company',
        slug: 'exempelbolaget',
        inner: { code: 'official-phone' },
      },
    })
  })

  it('leaves it official when the message also names that company', () => {
    const theirs = finding({ status: 'official', company: 'jem-fix' })
    const named = new Set(['exempelbolaget', 'jem-fix'])
    expect(underClaim(index, theirs, 'exempelbolaget', named)).toBe(theirs)
  })

  it('gives a not-official finding without a company the claimed one', () => {
    const free = finding({
      status: 'not-official',
      reason: { code: 'free-mail', host: 'gmail.com' },
    })
    expect(underClaim(index, free, 'jem-fix').company).toBe('jem-fix')
  })
})

describe('verdictOf', () => {
  const official = finding({ status: 'official', company: 'jem-fix' })
  const senderName = finding({ kind: 'sender-id', status: 'unknown' })
  it.each([
    ['every contact official', [official], [], 'jem-fix', 'official-contacts'],
    [
      'official contacts and an unverifiable sender name',
      [senderName, official],
      [],
      'jem-fix',
      'official-contacts',
    ],
    [
      'only a sender name',
      [finding({ kind: 'sender-id', status: 'official' })],
      [],
      'jem-fix',
      'unknown',
    ],
    ['no company', [official], [], null, 'unknown'],
    ['no contact point', [], [], 'jem-fix', 'unknown'],
    ['a lookalike', [official, finding({ status: 'lookalike' })], [], 'jem-fix', 'suspicious'],
    ['a not-official contact', [finding({ status: 'not-official' })], [], null, 'suspicious'],
    ['a warning sign', [official], [{ id: 'bankid', text: '' }], 'jem-fix', 'suspicious'],
    ['a message too long to check', [official], [TOO_MUCH_TO_CHECK], 'jem-fix', 'suspicious'],
    ['unknown contacts only', [finding({})], [], null, 'unknown'],
    [
      'only a web address given as the sender',
      [
        finding({
          kind: 'url',
          status: 'official',
          company: 'jem-fix',
          places: [{ source: 'sender', value: 'https://jemfix.com' }],
        }),
      ],
      [],
      'jem-fix',
      'unknown',
    ],
    [
      'an official e-mail address as the sender',
      [
        finding({
          kind: 'email',
          status: 'official',
          company: 'jem-fix',
          places: [{ source: 'sender', value: 'kundtjanst@jemfix.com' }],
        }),
      ],
      [],
      'jem-fix',
      'official-contacts',
    ],
    [
      'only an SMS sender name that is also read as an official domain',
      [
        finding({
          kind: 'domain',
          status: 'official',
          company: 'jem-fix',
          places: [{ source: 'sender', value: 'jemfix.com' }],
        }),
        finding({ kind: 'sender-id', places: [{ source: 'sender', value: 'jemfix.com' }] }),
      ],
      [],
      'jem-fix',
      'unknown',
    ],
  ] as const)('%s', (_case, findings, flags, company, verdict) => {
    expect(verdictOf([...findings], [...flags], company)).toBe(verdict)
  })
})

describe('decide', () => {
  it('reports a message that reached a limit as too much to check', () => {
    const decision = decide(index, judgedText('Ring 046-28 52 900'), {
      text: 'Ring 046-28 52 900',
      senderNames: '',
      truncated: true,
    })
    expect(decision.redFlags).toEqual([TOO_MUCH_TO_CHECK])
    expect(decision.verdict).toBe('suspicious')
  })
})
