import { describe, expect, it } from 'vitest'
import { buildLookupIndex, lookup } from '../../../src/core/lookup'
import { checkerIndex } from '../../support/checker'

// The real jem & fix record and the fictional companies of the checker's tests (Exempelbolaget,
// Provbutiken, Provbanken: reserved domains and fiction numbers only).
const index = buildLookupIndex(checkerIndex)

/** Each finding as "kind status company code", in the order the query holds them. */
function summary(query: string) {
  const result = lookup(index, query)
  return {
    findings: result.findings.map((f) => `${f.kind} ${f.status} ${f.company} ${f.reason.code}`),
    companies: result.companies,
  }
}

const JEM_PHONE = ['phone official jem-fix official-phone']

/** query → the checker's judgment of each contact point in it, and the companies it names. */
const CASES: [query: string, findings: string[], companies: string[]][] = [
  // Phone numbers in any format
  ['046-28 52 900', JEM_PHONE, []],
  ['+46462852900', JEM_PHONE, []],
  ['0046 46 285 29 00', JEM_PHONE, []],
  ['046285 2900', JEM_PHONE, []],
  ['046 28 52 900', JEM_PHONE, []],
  ['+46 (0)46-28 52 900', JEM_PHONE, []],
  ['tel:+46462852900', JEM_PHONE, []],
  ['+46 46 285 29 01', ['phone lookalike jem-fix phone-near'], []],
  ['08-465 004 00', ['phone official exempelbolaget official-phone'], []],
  ['070-174 06 50', ['phone unknown null unknown-phone'], []],
  // Domains, links and e-mail addresses
  ['jemfix.com', ['domain official jem-fix official-host'], []],
  ['https://jemfix.com/kundservice', ['url official jem-fix official-host'], []],
  ['kundtjanst@jemfix.com', ['email official jem-fix official-email'], []],
  ['jemfix-support.se', ['domain lookalike jem-fix lookalike-host'], []],
  ['JEMFIX-SUPPORT.SE', ['domain lookalike jem-fix lookalike-host'], []],
  ['hxxps://jemfix-support[.]se/login', ['url lookalike jem-fix lookalike-host'], []],
  ['https://jemfix.com.kundtjanst.example/', ['url lookalike jem-fix stacked'], []],
  ['https://exempelbolaget-login.example/x', ['url lookalike exempelbolaget lookalike-host'], []],
  ['info@jemfix-kundtjanst.example', ['email lookalike jem-fix lookalike-host'], []],
  ['https://www.exempelbolaget.example.se/', ['url official exempelbolaget official-host'], []],
  ['kundservice.example', ['domain unknown null unknown-host'], []],
  ['bit.ly/3abc', ['url not-official null shortener'], []],
  // Handles: profile links, @handles, a platform named, and a bare word on every platform
  ['https://www.facebook.com/jemofixsverige', ['handle official jem-fix official-handle'], []],
  ['facebook.com/jemofixsverige', ['handle official jem-fix official-handle'], []],
  ['https://www.facebook.com/jemfix', ['handle lookalike jem-fix lookalike-handle'], []],
  ['@jemofixsverige', ['handle official jem-fix official-handle'], []],
  ['jemofixsverige', ['handle official jem-fix official-handle'], []],
  ['JemOFixSverige', ['handle official jem-fix official-handle'], []],
  ['instagram @jemfix.se', ['handle official jem-fix official-handle'], []],
  ['Instagram jemofixsverige', ['handle lookalike jem-fix handle-elsewhere'], []],
  ['@jemfix_sverige', ['handle lookalike jem-fix lookalike-handle'], []],
  ['jemfix_sverige', ['handle lookalike jem-fix lookalike-handle'], []],
  ['@n4gon_helt_annan', ['handle unknown null unknown-handle'], []],
  ['@exempelbolaget', ['handle official exempelbolaget official-handle'], []],
  // jemfix.se is jem & fix's account on Instagram; as a web address it is not listed
  [
    'jemfix.se',
    ['domain lookalike jem-fix lookalike-host', 'handle official jem-fix official-handle'],
    [],
  ],
  // Company names and aliases, in any case, and the start of a name
  ['jem & fix', [], ['jem-fix']],
  ['jem och fix', [], ['jem-fix']],
  ['JEM O FIX', [], ['jem-fix']],
  ['Jem&Fix', [], ['jem-fix']],
  ['jem fix', [], ['jem-fix']],
  ['jemfix', [], ['jem-fix']],
  ['jem', [], ['jem-fix']],
  ['exempel', [], ['exempelbolaget']],
  ['Exempel Bolaget', [], ['exempelbolaget']],
  ['Provbanken', [], ['provbanken']],
  ['prov', [], ['provbanken', 'provbutiken']],
  // The company's name and its official account at once
  ['exempelbolaget', ['handle official exempelbolaget official-handle'], ['exempelbolaget']],
  // Several things in one query: each is answered
  ['jem & fix 046-28 52 900', JEM_PHONE, ['jem-fix']],
  [
    'ring 046-28 52 900 eller mejla info@jemfix-kundtjanst.example',
    [...JEM_PHONE, 'email lookalike jem-fix lookalike-host'],
    [],
  ],
  [
    '@jemofixsverige @jemfix_sverige',
    ['handle official jem-fix official-handle', 'handle lookalike jem-fix lookalike-handle'],
    [],
  ],
  [
    'jem och fix 046-28 52 901 jemfix.se',
    [
      'phone lookalike jem-fix phone-near',
      'domain lookalike jem-fix lookalike-host',
      'handle official jem-fix official-handle',
    ],
    ['jem-fix'],
  ],
  // Among other words, a plain word is an account only where it is an official one
  ['fråga jemofixsverige', ['handle official jem-fix official-handle'], []],
  ['fråga jemfix_sverige', [], []],
  // A link is no company name, even when it spells one
  ['https://jemfix-login.example', ['url lookalike jem-fix lookalike-host'], []],
  // Nothing we know
  ['nagonheltannan', [], []],
  ['hej hopp', [], []],
  ['', [], []],
  ['   ', [], []],
  ['ab', [], []],
]

describe('lookup', () => {
  it.each(CASES)('%j', (query, findings, companies) => {
    expect(summary(query)).toEqual({ findings, companies })
  })

  it('judges every contact point as the checker does, value as written', () => {
    const [finding] = lookup(index, '0046 46 285 29 00').findings
    expect(finding).toMatchObject({
      kind: 'phone',
      value: '0046 46 285 29 00',
      normalized: '+46462852900',
      places: [{ source: 'text', value: '0046 46 285 29 00' }],
    })
  })

  it('reads a bare word as an account on the platform where it is official', () => {
    const [finding] = lookup(index, 'jemofixsverige').findings
    expect(finding).toMatchObject({
      normalized: 'facebook:jemofixsverige',
      value: 'jemofixsverige',
    })
  })

  it.each(['Telegram @jemfix.se', 'WhatsApp: jemofixsverige', 'jemofixsverige på Signal'])(
    'never answers an account on an app no record lists as official: %s',
    (query) => {
      for (const finding of lookup(index, query).findings) {
        expect(finding.status, JSON.stringify(finding)).not.toBe('official')
      }
    },
  )

  it('answers one contact point once, however often it is written', () => {
    expect(summary('046-28 52 900 +46462852900').findings).toEqual(JEM_PHONE)
  })

  it('reads at most the first 200 characters', () => {
    const query = `${'a '.repeat(100)}046-28 52 900`
    expect(lookup(index, query).findings).toEqual([])
  })
})
