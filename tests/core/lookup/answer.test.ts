import { describe, expect, it } from 'vitest'
import { describeReason } from '../../../src/core/check'
import { buildLookupIndex, lookup, lookupAnswer, shownQueryValue } from '../../../src/core/lookup'
import { checkerIndex } from '../../support/checker'

const index = buildLookupIndex(checkerIndex)
const names = (slug: string) => checkerIndex.companies.get(slug)?.name ?? slug

/** The only finding of a query. */
function only(query: string) {
  const { findings } = lookup(index, query)
  expect(findings, query).toHaveLength(1)
  return findings[0]!
}

const JEM_PHONE =
  '046-28 52 900 är jem & fix:s officiella nummer (Kundtjänst – det enda numret till kundtjänst).'

/** query → the one-line answer to it. */
const ANSWERS: [query: string, answer: string][] = [
  ['046-28 52 900', JEM_PHONE],
  ['+46462852900', JEM_PHONE],
  ['0046 46 285 29 00', JEM_PHONE],
  ['jemofixsverige', 'jemofixsverige är jem & fix:s officiella konto på Facebook.'],
  ['@jemofixsverige', 'jemofixsverige är jem & fix:s officiella konto på Facebook.'],
  ['jemfix.com', 'jemfix.com är en av jem & fix:s officiella adresser.'],
  ['kundtjanst@jemfix.com', 'Adressen slutar på @jemfix.com, som är jem & fix:s officiella e-postdomän.'],
  ['jemfix-support.se', 'jemfix-support[.]se är inte jem & fix:s; den liknar jemfix.com.'],
  ['https://jemfix.com.kundtjanst.example/', 'hxxps://jemfix[.]com[.]kundtjanst[.]example/ är inte jem & fix:s; den liknar jemfix.com.'],
  ['info@jemfix-kundtjanst.example', 'info[@]jemfix-kundtjanst[.]example är inte jem & fix:s; den liknar jemfix.com.'],
  ['+46 46 285 29 01', '+46 46 285 29 01 är inte jem & fix:s; det liknar 046-28 52 900.'],
  ['Instagram jemofixsverige', 'jemofixsverige på Instagram är inte jem & fix:s konto.'],
  ['https://www.facebook.com/jemfix', 'jemfix på Facebook är inte jem & fix:s konto.'],
  ['@jemfix_sverige', 'jemfix_sverige är inte jem & fix:s konto.'],
  ['bit.ly/3abc', 'bit[.]ly/3abc är inte något företags officiella adress.'],
  ['kundservice.example', 'Vi har inga uppgifter om kundservice[.]example.'],
  ['070-174 06 50', 'Vi har inga uppgifter om 070-174 06 50.'],
  ['@n4gon_helt_annan', 'Vi har inga uppgifter om n4gon_helt_annan.'],
] // biome-ignore format: a table

describe('lookupAnswer', () => {
  it.each(ANSWERS)('answers %j with %j', (query, answer) => {
    expect(lookupAnswer(only(query), names)).toBe(answer)
  })

  it("answers an official contact with the checker's own reason", () => {
    const finding = only('046-28 52 900')
    expect(lookupAnswer(finding, names)).toBe(describeReason(finding.reason, names))
  })
})

describe('shownQueryValue', () => {
  it.each([
    ['https://jemfix-support.se/login', 'hxxps://jemfix-support[.]se/login'],
    ['https://www.facebook.com/jemfix', 'hxxps://www[.]facebook[.]com/jemfix'],
    ['@jemfix_sverige', '@jemfix_sverige'],
    ['+46 46 285 29 01', '+46 46 285 29 01'],
    ['jemfix.com', 'jemfix.com'],
    ['https://www.facebook.com/jemofixsverige', 'https://www.facebook.com/jemofixsverige'],
  ])('shows %j as %j (defanged unless official)', (query, shown) => {
    expect(shownQueryValue(only(query))).toBe(shown)
  })
})
