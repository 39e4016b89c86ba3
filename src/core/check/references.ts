/**
 * HTML character references (&amp;, &#64;, &#x2F;, &colon;), decoded as a browser decodes
 * them in a link target and in text.
 */

/**
 * Named character references (case as HTML spells them) that can change where a link goes:
 * the URL's punctuation (https&colon;//), whitespace the URL parser drops (&Tab;) and
 * invisible characters. A target with any other named reference is not read as a link (see
 * hasUnknownReference): a browser may decode it to something else.
 */
const ENTITIES: Record<string, string> = {
  amp: '&',
  AMP: '&',
  quot: '"',
  QUOT: '"',
  apos: "'",
  lt: '<',
  LT: '<',
  gt: '>',
  GT: '>',
  colon: ':',
  sol: '/',
  bsol: '\\',
  period: '.',
  comma: ',',
  semi: ';',
  excl: '!',
  quest: '?',
  num: '#',
  commat: '@',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  lbrack: '[',
  rsqb: ']',
  rbrack: ']',
  lcub: '{',
  lbrace: '{',
  rcub: '}',
  rbrace: '}',
  percnt: '%',
  equals: '=',
  plus: '+',
  lowbar: '_',
  UnderBar: '_',
  dollar: '$',
  ast: '*',
  midast: '*',
  verbar: '|',
  vert: '|',
  VerticalLine: '|',
  grave: '`',
  DiacriticalGrave: '`',
  Hat: '^',
  Tab: '\t',
  NewLine: '\n',
  nbsp: '\u00a0',
  NonBreakingSpace: '\u00a0',
  shy: '\u00ad',
  ZeroWidthSpace: '\u200b',
  NoBreak: '\u2060',
  zwnj: '\u200c',
  zwj: '\u200d',
}

const REFERENCE = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi

/**
 * The character a reference stands for ("#64", "#x40", "commat", without & and ;), or null
 * for a name this reader does not know or a number that is no character.
 */
export function decodeReference(ref: string): string | null {
  const code =
    ref[0] !== '#'
      ? null
      : ref[1] === 'x' || ref[1] === 'X'
        ? parseInt(ref.slice(2), 16)
        : Number(ref.slice(1))
  if (code === null) return ENTITIES[ref] ?? null
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null
}

/** Decodes the character references an href may hold (&amp;, &#47;, &#x2F;, &colon;). */
export function decodeEntities(text: string): string {
  return text.replace(REFERENCE, (whole, ref: string) => decodeReference(ref) ?? whole)
}

/** Whether a decoded text still holds a named reference this reader does not know. */
export function hasUnknownReference(text: string): boolean {
  return /&[a-z][a-z0-9]{1,31};/i.test(text)
}
