/** A span of a text: [start, end). */
export interface Span {
  start: number
  end: number
}

/** Quotation marks as Swedish and English prose write them: ”…”, “…”, „…“, «…», »…», "…". */
const QUOTE_MARKS = /["“”„«»]/gu

/**
 * The quoted stretches of a paragraph, marks included: from a quotation mark to the next
 * one, whichever way each is drawn (Swedish closes ”…” with the mark it opens with). A quote
 * left open runs to the end of the paragraph, so a quote of several sentences is quoted in
 * each. What is quoted may be the scam's own words ("ring oss på …"), so the draft tool
 * never reads a quote as the article's own statement.
 */
export function quotedSpans(paragraph: string): Span[] {
  const spans: Span[] = []
  let open: number | null = null
  for (const mark of paragraph.matchAll(QUOTE_MARKS)) {
    if (open === null) open = mark.index
    else {
      spans.push({ start: open, end: mark.index + 1 })
      open = null
    }
  }
  if (open !== null) spans.push({ start: open, end: paragraph.length })
  return spans
}

/**
 * Each sentence's share of the quoted spans, relative to the sentence: `sentences` are in
 * order and do not overlap (splitSentences), so one pass over both lists finds them all.
 */
export function quotesBySentence(
  spans: readonly Span[],
  sentences: readonly { start: number; text: string }[],
): Span[][] {
  let next = 0
  return sentences.map(({ start, text }) => {
    const end = start + text.length
    while (next < spans.length && spans[next]!.end <= start) next++
    const share: Span[] = []
    for (let i = next; i < spans.length && spans[i]!.start < end; i++) {
      const span = spans[i]!
      share.push({
        start: Math.max(span.start, start) - start,
        end: Math.min(span.end, end) - start,
      })
    }
    return share
  })
}

/** True when a position lies inside one of the spans. */
export function isWithin(spans: readonly Span[], at: number): boolean {
  return spans.some((span) => at >= span.start && at < span.end)
}

/**
 * Rewrites the text outside the spans only: `rewrite` gets each unquoted stretch in turn
 * (whether it starts the text), and the quoted ones are kept as written.
 */
export function outsideSpans(
  text: string,
  spans: readonly Span[],
  rewrite: (stretch: string, atStart: boolean) => string,
): string {
  const parts: string[] = []
  let from = 0
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < from) continue
    parts.push(rewrite(text.slice(from, start), from === 0), text.slice(start, end))
    from = end
  }
  parts.push(rewrite(text.slice(from), from === 0))
  return parts.join('')
}
