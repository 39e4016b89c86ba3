/**
 * Messages of 10,000 characters (the API's limit) built to make a checker slow: runs of
 * labels, digits, dots, anchors, Markdown, @ signs, addresses, links inside links, long
 * hosts and many distinct contact points. Used by the timing tests and `npm run bench checker`.
 */
const SIZE = 10_000

/** Whole units repeated, then the tail, within SIZE: "a." × 4,996 + "example" is 9,999. */
function fill(unit: string, tail = ''): string {
  return unit.repeat(Math.floor((SIZE - tail.length) / unit.length)) + tail
}

function joined(count: number, item: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => item(i))
    .join(' ')
    .slice(0, SIZE)
}

export const ADVERSARIAL_MESSAGES: Record<string, string> = {
  '"a." × 4,996 + "example" (one host, 4,997 labels)': fill('a.', 'example'),
  '"jemfix." repeated (brand labels)': fill('jemfix.', 'example'),
  '"jem.fix." repeated (labels that rejoin)': fill('jem.fix.', 'com'),
  'https:// + one 10,000-character host': `https://${fill('jemfixjemfix')}`.slice(0, SIZE),
  '"1 " repeated': fill('1 '),
  '"1." repeated': fill('1.'),
  '"0 " repeated': fill('0 '),
  '"0." repeated': fill('0.'),
  '"08.00-17.00 " repeated': fill('08.00-17.00 '),
  'one phone number repeated': fill('070-174 06 05 '),
  'distinct phone numbers': joined(1_000, (i) => `0701740${String(i).padStart(3, '0')}`),
  'distinct numbers glued by dots': joined(1_000, (i) => `0${i}.0${i}`),
  '<a href> anchors': fill('<a href="https://x.example/">jemfix.com</a>'),
  'unclosed <a href': fill('<a href=x '),
  '<a with an unclosed quote': fill('<a href="x '),
  'Markdown links': fill('[jemfix.com](https://x.example/) '),
  'unclosed Markdown "[a]("': fill('[a]('),
  '"[" repeated': fill('['),
  '"@" repeated': fill('@'),
  'e-mail addresses': fill('a@b.example '),
  'one link repeated': fill('https://a.example/ '),
  'distinct links': joined(1_000, (i) => `https://j${i}emfix.example/`),
  'links inside a link': `https://jemfix.com/r?${fill('u=https%3A%2F%2Fa.example%2F&')}`.slice(
    0,
    SIZE,
  ),
  'encoded percent signs': fill('%25'),
  'hosted sites': joined(500, (i) => `https://jemfix${i}.web.app/`),
  'Unicode full stops': fill('jemfix。'),
  '"www." repeated': fill('www.'),
  'Instagram @handles': fill('Instagram @jemfix_x '),
  'platform names': fill('instagram facebook '),
  '"." repeated': fill('.'),
  '":" repeated': fill(':'),
  'one 10,000-character word': fill('x'),
  'Markdown references': `${fill('[a][b]')}\n[b]: https://x.example/`.slice(-SIZE),
  'distinct Markdown references': `${joined(1_000, (i) => `[${i}][b]`)}\n[b]: //x.example/`.slice(
    -SIZE,
  ),
  'Markdown definitions': fill('[a]: http:x.example\n'),
  'anchors that are no web link': joined(300, (i) => `<a href="javascript:f(${i})">x</a>`),
  'named references in an href': `<a href="${fill('&colon;')}">x</a>`.slice(0, SIZE),
  'quotes before an @': fill("a'"),
  'quotes and @ signs': fill("x'@"),
  'protocol-relative redirects': `https://jemfix.com/r?${fill('u=//a.example/&')}`.slice(0, SIZE),
  'glued ellipses': fill('…www.a.example…'),
  'zero-width spaces': fill('\u200b'),
  'tags between digits': fill('<b>070</b>-174 06 05 '),
  'unclosed tags': fill('<b'),
  'character references': fill('a&#64;b&#46;example&nbsp;'),
  'references without semicolons': fill('&nbsp&#64'),
  'hosts glued by punctuation': fill('a.example,b.example;c.example|'),
  'addresses glued by semicolons': fill('a@b.example;'),
  'a capital O among digits': fill('O7O-174 O6 O5 '),
  'mathematical digits': fill('𝟎𝟕𝟎-𝟏𝟕𝟒 𝟎𝟔 𝟏𝟎 '),
  'invisible characters in hosts': fill('evil\ufe0f.example\ufeff '),
  'protocol-relative links glued on': fill('(//a.example'),
  'slashes repeated': fill('x//'),
  'event handlers on anchors': fill(`<a href=x onclick="location='//a.example/'">y</a>`),
  'definitions inside a paragraph': fill('x\n[1]: //a.example\n'),
  'mixed contact points': fill(
    'Ring 070-174 06 05 eller https://jemfix-x.example/?u=https://evil.example kl 14.30, 249.90 kr ',
  ),
}
