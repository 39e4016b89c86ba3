import { describe, expect, it } from 'vitest'
import { outsideSpans, quotedSpans, quotesBySentence } from '../../../src/core/draft/quotes'
import { splitSentences } from '../../../src/core/draft/sentences'

const texts = (text: string, spans: { start: number; end: number }[]) =>
  spans.map(({ start, end }) => text.slice(start, end))

describe('quotedSpans', () => {
  it.each([
    ['Sms:et löd: ”Ring oss.” Radera det.', ['”Ring oss.”']],
    ['Sms:et löd: "Ring oss." Radera det.', ['"Ring oss."']],
    ['Det stod “ring oss” och «svara ja».', ['“ring oss”', '«svara ja»']],
    ['Det stod „ring oss“ i går.', ['„ring oss“']],
    // Left open, a quote runs to the end of the paragraph.
    ['Sms:et löd: ”Hej. Ring oss på numret.', ['”Hej. Ring oss på numret.']],
    ['Inga citat här.', []],
  ])('%s', (text, quoted) => {
    expect(texts(text, quotedSpans(text))).toEqual(quoted)
  })
})

describe('quotesBySentence', () => {
  it('gives each sentence its share of a quote that spans several', () => {
    const paragraph = 'Ett sms löd: ”Hej. Ring oss på 08-465 004 14.” Radera det.'
    const sentences = splitSentences(paragraph)
    expect(sentences.map((s) => s.text)).toEqual([
      'Ett sms löd: ”Hej.',
      'Ring oss på 08-465 004 14.”',
      'Radera det.',
    ])
    const shares = quotesBySentence(quotedSpans(paragraph), sentences)
    expect(shares.map((spans, i) => texts(sentences[i]!.text, spans))).toEqual([
      ['”Hej.'],
      ['Ring oss på 08-465 004 14.”'],
      [],
    ])
  })
})

describe('outsideSpans', () => {
  it('rewrites only what is outside the spans, and says which stretch starts the text', () => {
    const text = 'vi sa ”vi kommer” och vi gick'
    const rewritten = outsideSpans(text, quotedSpans(text), (stretch, atStart) =>
      stretch.replaceAll('vi', atStart ? 'VI' : 'de'),
    )
    expect(rewritten).toBe('VI sa ”vi kommer” och de gick')
  })
})
