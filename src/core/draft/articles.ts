/** One paragraph of an article's body: a line, or lines wrapped into one. */
export interface Paragraph {
  text: string
  /** A short line without a full stop: a subheading ("Kolla avsändaren"), not a sentence. */
  heading: boolean
  /** 1-based line where it starts in the file. */
  line: number
}

/** One article of a text file: a title, the date line under it, and its body. */
export interface Article {
  /** 1-based position in the file. */
  number: number
  title: string
  /** The date line under the title, as YYYY-MM-DD; null when there is none. */
  date: string | null
  /** The date line as written ("2026 02 28"), for the record's evidence. */
  dateWritten: string | null
  /** 1-based line of the title in the file. */
  line: number
  /** The body without read-also lines, photo credits, bylines and stray date lines. */
  paragraphs: Paragraph[]
  /** Who wrote it ("Text: Redaktionen" → Redaktionen); null when no byline says. */
  byline: string | null
  /** The byline as written, for the record's evidence. */
  bylineWritten: string | null
}

interface Block {
  text: string
  line: number
  lines: number
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
}
const WEEKDAY = '(?:(?:mån|tis|ons|tors|fre|lör|sön)dag,?\\s+)?'
const TIME = '(?:,?\\s+(?:kl\\.?\\s*)?\\d{1,2}[.:]\\d{2})?'
const NUMERIC_DATE = new RegExp(`^${WEEKDAY}(\\d{4})[-./ ](\\d{1,2})[-./ ](\\d{1,2})${TIME}$`, 'iu')
const WRITTEN_DATE = new RegExp(
  `^${WEEKDAY}(\\d{1,2})\\.?\\s+(\\p{L}+)\\.?\\s+(\\d{4})${TIME}$`,
  'iu',
)

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null
  return date.toISOString().slice(0, 10)
}

/** A line that is only a date ("2026 02 28", "28 februari 2026", "14 dec 2025") as YYYY-MM-DD. */
export function parseDateLine(line: string): string | null {
  const text = line.trim()
  const numeric = NUMERIC_DATE.exec(text)
  if (numeric) return isoDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]))
  const written = WRITTEN_DATE.exec(text)
  const month = written ? MONTHS[written[2]!.toLowerCase()] : undefined
  return written && month ? isoDate(Number(written[3]), month, Number(written[1])) : null
}

// Lines a news page adds around an article that are not part of what it says.
const READ_ALSO = /^(?:läs (?:också|även|mer)|se (?:också|även)|relaterat|mer om)\s*:/iu
const PHOTO_CREDIT = /^(?:foto|bild|illustration|grafik)\s*:/iu
const BYLINE = /^(?:text|av|skribent|reporter)\s*:\s*(.{1,80})$/iu

/** Read-also lines, photo credits and bylines: around an article, not in what it says. */
function isFurniture(text: string): boolean {
  return READ_ALSO.test(text) || PHOTO_CREDIT.test(text) || BYLINE.test(text)
}

/** A block that could be a title: one short line that does not end a sentence. */
function titleShaped(block: Block): boolean {
  return (
    block.lines === 1 &&
    block.text.length <= 200 &&
    !/[.,;:]$/.test(block.text) &&
    !isFurniture(block.text)
  )
}

// Pages copied from a browser carry no-break and other fixed-width spaces (the seed writes
// "046-28 52\u00a0900"), zero-width characters, stray controls and broken surrogates; a
// record wants none of them (the schema refuses the last two).
const WIDE_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A line as a record may quote it: plain spaces, nothing invisible. */
export function cleanLine(line: string): string {
  return line.replace(INVISIBLE, '').replace(WIDE_SPACES, ' ').replace(/ {2,}/g, ' ').trim()
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = []
  let current: Block | null = null
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const line = cleanLine(raw)
    if (line === '') {
      current = null
      return
    }
    if (current) {
      current.text = `${current.text} ${line}`
      current.lines++
    } else {
      current = { text: line, line: i + 1, lines: 1 }
      blocks.push(current)
    }
  })
  return blocks
}

function articleFrom(
  number: number,
  title: Block | null,
  date: Block | null,
  body: Block[],
): Article {
  const paragraphs: Paragraph[] = []
  let byline: Block | null = null
  for (const block of body) {
    if (parseDateLine(block.text) || READ_ALSO.test(block.text) || PHOTO_CREDIT.test(block.text))
      continue
    if (BYLINE.test(block.text)) {
      byline ??= block
      continue
    }
    paragraphs.push({
      text: block.text,
      heading: block.lines === 1 && block.text.length <= 80 && !/[.!?:]["”’»]?$/u.test(block.text),
      line: block.line,
    })
  }
  return {
    number,
    title: title?.text ?? '',
    date: date ? parseDateLine(date.text) : null,
    dateWritten: date?.text ?? null,
    line: title?.line ?? 1,
    paragraphs,
    byline: byline ? BYLINE.exec(byline.text)![1]!.trim() : null,
    bylineWritten: byline?.text ?? null,
  }
}

/**
 * Splits a text file into its articles. An article starts at a title (one short line) with
 * a date line right under it, as news pages are copied ("Många får samma sms just nu –
 * radera direkt" / "2026 02 28"); everything up to the next title is its body. A text
 * without such a pair is one article: its first line the title, without a date.
 */
export function splitArticles(text: string): Article[] {
  const blocks = blocksOf(text)
  const starts: number[] = []
  for (let i = 0; i + 1 < blocks.length; i++) {
    const block = blocks[i]!
    if (titleShaped(block) && !parseDateLine(block.text) && parseDateLine(blocks[i + 1]!.text)) {
      starts.push(i)
    }
  }
  if (starts.length === 0) {
    const first = blocks.findIndex((block) => !parseDateLine(block.text))
    if (first < 0) return []
    const title = titleShaped(blocks[first]!) ? blocks[first]! : null
    return [articleFrom(1, title, null, blocks.slice(title ? first + 1 : first))]
  }
  return starts.map((start, k) =>
    articleFrom(k + 1, blocks[start]!, blocks[start + 1]!, blocks.slice(start + 2, starts[k + 1])),
  )
}
