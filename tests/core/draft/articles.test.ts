import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDateLine, splitArticles } from '../../../src/core/draft/articles'

const SEED = readFileSync('/work/shared/seeds/000_440e9332798f33ed.txt', 'utf8')

describe('splitArticles', () => {
  it('finds the seed file’s three articles by their titles and date lines', () => {
    const articles = splitArticles(SEED)
    expect(articles.map((a) => [a.number, a.title, a.date])).toEqual([
      [1, 'Ska skjuta för att döda – Rysk och belarusisk militär på plats', '2022-01-07'],
      [2, 'Många får samma sms just nu – radera direkt', '2026-02-28'],
      [3, 'Ukraina bekräftar – Putin säger ja', '2026-03-01'],
    ])
  })

  it('keeps the body and leaves out read-also lines, photo credits, bylines and stray date lines', () => {
    const jemFix = splitArticles(SEED)[1]!
    const text = jemFix.paragraphs.map((p) => p.text).join('\n')
    expect(jemFix.paragraphs[0]?.text).toBe('En känd lågpriskedja varnar.')
    expect(text).toContain(
      'Som kund kan du bara ringa företagets kundtjänst på telefonnummer 046-28 52 900.',
    )
    for (const gone of [
      'LÄS OCKSÅ',
      'Energibolag i konkurs',
      'Foto:',
      'N. Dumlao',
      'Text:',
      '14 dec 2025',
      '28 februari 2026',
      '2026 02 28',
    ])
      expect(text).not.toContain(gone)
    expect(jemFix.byline).toBe('Redaktionen')
    expect(jemFix.line).toBe(
      SEED.split('\n').indexOf('Många får samma sms just nu – radera direkt') + 1,
    )
  })

  it('reads the no-break space inside the seed’s number as a plain space', () => {
    const raw = SEED.split('\n').find((line) => line.includes('046-28'))!
    expect(raw).toContain('52\u00a0900')
    const text = splitArticles(SEED)[1]!
      .paragraphs.map((p) => p.text)
      .join('\n')
    expect(text).toContain('046-28 52 900')
    expect(text).not.toMatch(/[\u00a0\u200b]/)
  })

  it('marks short lines without a full stop as headings', () => {
    const jemFix = splitArticles(SEED)[1]!
    const headings = jemFix.paragraphs.filter((p) => p.heading).map((p) => p.text)
    expect(headings).toEqual([
      '”Falska verksamheter”',
      'Kolla avsändaren',
      'Se upp med telefonnummer och text',
    ])
  })

  it('reads a text without a date line after its title as one article without a date', () => {
    const [article, ...rest] = splitArticles(
      'Rubrik utan datum\n\nFörsta stycket. Andra meningen.\n',
    )
    expect(rest).toEqual([])
    expect(article).toMatchObject({ number: 1, title: 'Rubrik utan datum', date: null })
    expect(article?.paragraphs.map((p) => p.text)).toEqual(['Första stycket. Andra meningen.'])
  })

  it('joins a paragraph wrapped over several lines and reads Windows line ends', () => {
    const [article] = splitArticles(
      'Rubrik\r\n\r\n2026-04-10\r\n\r\nEtt stycke som\r\nfortsätter här.\r\n',
    )
    expect(article?.paragraphs.map((p) => p.text)).toEqual(['Ett stycke som fortsätter här.'])
  })

  it('returns nothing for a text with no words', () => {
    expect(splitArticles('  \n\n ')).toEqual([])
  })
})

describe('parseDateLine', () => {
  it.each([
    ['2026 02 28', '2026-02-28'],
    ['2026-02-28', '2026-02-28'],
    ['2026.2.8', '2026-02-08'],
    ['28 februari 2026', '2026-02-28'],
    ['14 dec 2025', '2025-12-14'],
    ['14 dec. 2025', '2025-12-14'],
    ['Lördag 28 februari 2026', '2026-02-28'],
    ['28 februari 2026 kl. 14.30', '2026-02-28'],
    ['2026-02-28 14:30', '2026-02-28'],
  ])('reads %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso)
  })

  it.each([
    '2026-02-30',
    '31 april 2026',
    '046-28 52 900',
    'Över 3 000 har gripits',
    '2 500 soldater',
    '2026',
  ])('rejects %s', (line) => {
    expect(parseDateLine(line)).toBeNull()
  })
})
