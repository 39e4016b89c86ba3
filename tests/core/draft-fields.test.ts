import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/records'
import { fictionalAlert, recordFile } from '../support/fixtures'

/** FICTION: evidence for the fictional record's phone number. */
const PHONE_PROVENANCE = {
  field: 'official.phones',
  value: '+46846500400',
  sentence: 'Kundtjänsten nås bara på 08-465 004 00 (ett påhittat nummer).',
}

function parsed(record: Record<string, unknown>) {
  return parseRecord(recordFile('r', record))
}

describe('the draft fields of a record', () => {
  it('accepts draft: true with provenance and review items', () => {
    const result = parsed(
      fictionalAlert({
        draft: true,
        provenance: [PHONE_PROVENANCE],
        review: [{ field: 'official.websites', value: 'exempelbolaget.example.se', reason: 'x' }],
      }),
    )
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.alert.draft).toBe(true)
      expect(result.alert.provenance).toEqual([PHONE_PROVENANCE])
    }
  })

  it('leaves a record without them exactly as before (no new defaults)', () => {
    const result = parsed(fictionalAlert())
    expect(result.ok && Object.keys(result.alert)).not.toContain('provenance')
    expect(result.ok && Object.keys(result.alert)).not.toContain('draft')
    expect(result.ok && Object.keys(result.alert)).not.toContain('review')
  })

  it('lets a published record keep its provenance', () => {
    expect(parsed(fictionalAlert({ provenance: [PHONE_PROVENANCE] })).ok).toBe(true)
  })

  it('refuses to publish a record with items left to review, naming the field', () => {
    const result = parsed(
      fictionalAlert({ review: [{ field: 'summary', reason: 'skriven av verktyget' }] }),
    )
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues).toEqual([
        expect.objectContaining({
          path: 'review',
          message: expect.stringMatching(/1 item left to review.*draft: true/),
        }),
      ])
    }
  })

  it('accepts an empty review list on a published record', () => {
    expect(parsed(fictionalAlert({ review: [] })).ok).toBe(true)
  })

  it.each([
    [
      'a provenance entry for an unknown field',
      { provenance: [{ ...PHONE_PROVENANCE, field: 'official.fax' }] },
      'provenance[0].field',
    ],
    [
      'a provenance entry without its sentence',
      { provenance: [{ ...PHONE_PROVENANCE, sentence: '' }] },
      'provenance[0].sentence',
    ],
    [
      'a review item without a reason',
      { draft: true, review: [{ field: 'summary' }] },
      'review[0].reason',
    ],
    ['draft written as a string', { draft: 'yes' }, 'draft'],
  ])('rejects %s, naming the field', (_kind, override, path) => {
    const result = parsed(fictionalAlert(override))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path)
  })
})
