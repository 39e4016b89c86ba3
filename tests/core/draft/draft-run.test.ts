import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { ValidatedRecord } from '../../../src/core/catalog'
import { draftFromText } from '../../../src/core/draft/draft-run'
import { parseRecord } from '../../../src/core/records'
import { PROVBUTIKEN_WARNING, TWO_COMPANIES } from '../../support/fictional-articles'
import { fictionalAlert, recordFile } from '../../support/fixtures'

const SEED = readFileSync('/work/shared/seeds/000_440e9332798f33ed.txt', 'utf8')
const SEED_NAME = '000_440e9332798f33ed.txt'

function validated(name: string, text: string): ValidatedRecord {
  const result = parseRecord({ name, text })
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return { file: result.file, alert: result.alert }
}

const SHIPPED = validated(
  'alerts/jem-fix-2026-02-28.yaml',
  readFileSync('alerts/jem-fix-2026-02-28.yaml', 'utf8'),
)

describe('draftFromText', () => {
  it('gives one outcome per article and one draft file for the seed, named by company and date', () => {
    const outcomes = draftFromText(SEED, { sourceName: SEED_NAME, records: [] })
    expect(outcomes.map((o) => o.drafts.map((d) => d.file))).toEqual([
      [],
      ['jem-fix-2026-02-28.yaml'],
      [],
    ])
  })

  it('writes YAML that is the draft record, valid, marked as a draft and saying where it came from', () => {
    const [draft] = draftFromText(SEED, { sourceName: SEED_NAME, records: [] })[1]!.drafts
    const parsed = parseRecord({ name: 'alerts/drafts/jem-fix-2026-02-28.yaml', text: draft!.yaml })
    expect(parsed.ok).toBe(true)
    expect(parse(draft!.yaml)).toEqual(draft!.record)
    expect(draft!.yaml).toMatch(
      /^# DRAFT, not published: written by `npm run draft` from 000_440e9332798f33ed\.txt \(article 2 of 3, line \d+\)/,
    )
    // One value per line: a sentence is never folded over lines, so it can be searched for.
    expect(draft!.yaml).toContain(
      '    sentence: Som kund kan du bara ringa företagets kundtjänst på telefonnummer 046-28 52 900.\n',
    )
  })

  it('is deterministic: the same text gives the same bytes', () => {
    const once = draftFromText(SEED, { sourceName: SEED_NAME, records: [] })
    const again = draftFromText(SEED, { sourceName: SEED_NAME, records: [] })
    expect(again[1]!.drafts[0]!.yaml).toBe(once[1]!.drafts[0]!.yaml)
  })

  it('names the published record that already covers the article, and says so in the file', () => {
    const [draft] = draftFromText(SEED, { sourceName: SEED_NAME, records: [SHIPPED] })[1]!.drafts
    expect(draft!.coveredBy).toEqual(['alerts/jem-fix-2026-02-28.yaml'])
    expect(draft!.yaml).toMatch(
      /# A published record already covers this article: alerts\/jem-fix-2026-02-28\.yaml/,
    )
    expect(draft!.record.official).toEqual(SHIPPED.alert.official)
  })

  it('uses the slug and name of a company already in the records, however the article spells it', () => {
    const known = validated(
      'alerts/provbutiken-2026-01-01.yaml',
      JSON.stringify(
        fictionalAlert({
          id: 'provbutiken-2026-01-01',
          company: { slug: 'provbutik', name: 'Provbutiken', aliases: ['provbutiken ab'] },
          source: {
            title: 'En annan fiktiv artikel',
            publisher: 'Testredaktionen',
            date: '2026-01-01',
          },
        }),
      ),
    )
    const [draft] = draftFromText(PROVBUTIKEN_WARNING, {
      sourceName: 'a.txt',
      records: [known],
    })[0]!.drafts
    expect(draft!.record.company.slug).toBe('provbutik')
    expect(draft!.record.id).toBe('provbutik-2026-04-10')
    expect(draft!.coveredBy).toEqual([])
  })

  it('keeps ids apart when one text holds two warnings by one company on one day', () => {
    const twice = `${PROVBUTIKEN_WARNING}\n\n${PROVBUTIKEN_WARNING.replace('Provbutiken varnar för falska mejl om återbetalning', 'Provbutiken varnar igen')}`
    const files = draftFromText(twice, { sourceName: 'a.txt', records: [] }).flatMap((o) =>
      o.drafts.map((d) => d.file),
    )
    expect(files).toEqual(['provbutiken-2026-04-10.yaml', 'provbutiken-2026-04-10-2.yaml'])
  })

  it('writes a file per company of a two-company article', () => {
    const [outcome] = draftFromText(TWO_COMPANIES, { sourceName: 'b.txt', records: [] })
    expect(outcome!.drafts.map((d) => d.file)).toEqual([
      'exempelbolaget-2026-05-20.yaml',
      'lagerladan-2026-05-20.yaml',
    ])
  })

  it('does not count a draft as covering the article', () => {
    const draftOfIt = validated(
      'alerts/drafts/x.yaml',
      JSON.stringify({ ...SHIPPED.alert, draft: true }),
    )
    const [draft] = draftFromText(SEED, { sourceName: SEED_NAME, records: [draftOfIt] })[1]!.drafts
    expect(draft!.coveredBy).toEqual([])
  })

  it.each([recordFile('x', fictionalAlert())])('ignores records of other companies', (file) => {
    const other = validated(file.name, file.text)
    const [draft] = draftFromText(SEED, { sourceName: SEED_NAME, records: [other] })[1]!.drafts
    expect(draft!.coveredBy).toEqual([])
  })
})
