import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { presentFinding } from '../../../src/core/check'
import { buildLookupIndex, lookup, lookupAnswer } from '../../../src/core/lookup'
import { toE164 } from '../../../src/core/phone'
import { check, checkerIndex } from '../../support/checker'

// Properties over generated queries. The official contacts come from the records (jem & fix's
// real record and the fictional companies of the checker's tests).

const index = buildLookupIndex(checkerIndex)
const names = (slug: string) => checkerIndex.companies.get(slug)?.name ?? slug
const officialHosts = [...checkerIndex.officialHosts.keys()]
const officialNumbers = new Set(checkerIndex.phones.keys())
const officialHandles = new Set(checkerIndex.handlesAnyPlatform.keys())
const isOfficialHost = (host: string) =>
  officialHosts.some((h) => host === h || host.endsWith(`.${h}`))

const randomHost = fc.domain().filter((host) => !isOfficialHost(host.toLowerCase()))
const randomNumber = fc
  .tuple(
    fc.constantFrom('0', '+46 ', '+46', '00', '0046 ', '+1 ', '+44 '),
    fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 5 }),
    fc.constantFrom(' ', '-', '', '.'),
  )
  .map(([prefix, groups, separator]) => prefix + groups.join(separator))
  .filter((number) => !officialNumbers.has(toE164(number) ?? ''))
const randomHandle = fc
  .stringMatching(/^[a-z0-9._]{2,20}$/)
  .filter((handle) => !officialHandles.has(handle))
/** One contact point as a reader might paste it into the search box. */
const randomContact = fc.oneof(
  randomHost,
  randomHost.map((host) => `https://${host}/logga-in`),
  randomHost.map((host) => `kundtjanst@${host}`),
  randomNumber,
  randomHandle.map((handle) => `Instagram @${handle}`),
  randomHandle.map((handle) => `facebook.com/${handle}`),
)
const randomQuery = fc.oneof(
  randomContact,
  randomHandle,
  randomHandle.map((handle) => `@${handle}`),
)

describe('random queries', () => {
  it('never throw and answer every finding in words, whatever the query', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 400 }),
          fc.string({ unit: 'binary', maxLength: 400 }),
        ),
        (query) => {
          const result = lookup(index, query)
          expect(result.query.length).toBeLessThanOrEqual(200)
          for (const finding of result.findings) {
            expect(lookupAnswer(finding, names).length).toBeGreaterThan(0)
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never call a random host, number or handle official, bare or with @', () => {
    fc.assert(
      fc.property(fc.array(randomQuery, { minLength: 1, maxLength: 4 }), (parts) => {
        const query = parts.join(' ')
        const official = lookup(index, query).findings.filter((f) => f.status === 'official')
        expect(official, query).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('judge one contact point exactly as the checker judges it in a message', () => {
    fc.assert(
      fc.property(randomContact, (query) => {
        const searched = lookup(index, query).findings.map((f) => presentFinding(f, names))
        expect(searched, query).toEqual(check(query).findings)
      }),
      { numRuns: 500 },
    )
  })
})
