import punycode from 'punycode.js'
import { DNSTWIST_ASCII_GLYPHS } from '../../src/core/check/visual'

/**
 * A faithful TypeScript port of the permutation fuzzers of dnstwist (github.com/elceef/dnstwist,
 * dnstwist.py release 20250130, commit 3413953; Apache-2.0, by Marcin Ulikowski), run as
 * `dnstwist <domain>` runs them by default: no dictionary, no TLD list, the `tld` Python
 * module absent. tests/core/check/dnstwist.test.ts checks that this port gives exactly the
 * permutations the Python original printed for the domains we measure.
 */

export interface Permutation {
  fuzzer: string
  domain: string
}

const UNICODE_GLYPHS: Record<string, string[]> = {
  '2': ['ƻ'],
  '3': ['ʒ'],
  '5': ['ƽ'],
  a: ['ạ', 'ă', 'ȧ', 'ɑ', 'å', 'ą', 'â', 'ǎ', 'á', 'ə', 'ä', 'ã', 'ā', 'à'],
  b: ['ḃ', 'ḅ', 'ƅ', 'ʙ', 'ḇ', 'ɓ'],
  c: ['č', 'ᴄ', 'ċ', 'ç', 'ć', 'ĉ', 'ƈ'],
  d: ['ď', 'ḍ', 'ḋ', 'ɖ', 'ḏ', 'ɗ', 'ḓ', 'ḑ', 'đ'],
  e: ['ê', 'ẹ', 'ę', 'è', 'ḛ', 'ě', 'ɇ', 'ė', 'ĕ', 'é', 'ë', 'ē', 'ȩ'],
  f: ['ḟ', 'ƒ'],
  g: ['ǧ', 'ġ', 'ǵ', 'ğ', 'ɡ', 'ǥ', 'ĝ', 'ģ', 'ɢ'],
  h: ['ȟ', 'ḫ', 'ḩ', 'ḣ', 'ɦ', 'ḥ', 'ḧ', 'ħ', 'ẖ', 'ⱨ', 'ĥ'],
  i: ['ɩ', 'ǐ', 'í', 'ɪ', 'ỉ', 'ȋ', 'ɨ', 'ï', 'ī', 'ĩ', 'ị', 'î', 'ı', 'ĭ', 'į', 'ì'],
  j: ['ǰ', 'ĵ', 'ʝ', 'ɉ'],
  k: ['ĸ', 'ǩ', 'ⱪ', 'ḵ', 'ķ', 'ᴋ', 'ḳ'],
  l: ['ĺ', 'ł', 'ɫ', 'ļ', 'ľ'],
  m: ['ᴍ', 'ṁ', 'ḿ', 'ṃ', 'ɱ'],
  n: ['ņ', 'ǹ', 'ń', 'ň', 'ṅ', 'ṉ', 'ṇ', 'ꞑ', 'ñ', 'ŋ'],
  o: ['ö', 'ó', 'ȯ', 'ỏ', 'ô', 'ᴏ', 'ō', 'ò', 'ŏ', 'ơ', 'ő', 'õ', 'ọ', 'ø'],
  p: ['ṗ', 'ƿ', 'ƥ', 'ṕ'],
  q: ['ʠ'],
  r: ['ʀ', 'ȓ', 'ɍ', 'ɾ', 'ř', 'ṛ', 'ɽ', 'ȑ', 'ṙ', 'ŗ', 'ŕ', 'ɼ', 'ṟ'],
  s: ['ṡ', 'ș', 'ŝ', 'ꜱ', 'ʂ', 'š', 'ś', 'ṣ', 'ş'],
  t: ['ť', 'ƫ', 'ţ', 'ṭ', 'ṫ', 'ț', 'ŧ'],
  u: ['ᴜ', 'ų', 'ŭ', 'ū', 'ű', 'ǔ', 'ȕ', 'ư', 'ù', 'ů', 'ʉ', 'ú', 'ȗ', 'ü', 'û', 'ũ', 'ụ'],
  v: ['ᶌ', 'ṿ', 'ᴠ', 'ⱴ', 'ⱱ', 'ṽ'],
  w: ['ᴡ', 'ẇ', 'ẅ', 'ẃ', 'ẘ', 'ẉ', 'ⱳ', 'ŵ', 'ẁ'],
  x: ['ẋ', 'ẍ'],
  y: ['ŷ', 'ÿ', 'ʏ', 'ẏ', 'ɏ', 'ƴ', 'ȳ', 'ý', 'ỿ', 'ỵ'],
  z: ['ž', 'ƶ', 'ẓ', 'ẕ', 'ⱬ', 'ᴢ', 'ż', 'ź', 'ʐ'],
  ae: ['æ'],
  oe: ['œ'],
}

// The ASCII glyph table lives in src/core/check/visual.ts, which the checker uses too; the
// test against the real dnstwist run checks that it is dnstwist's.
const ASCII_GLYPHS = DNSTWIST_ASCII_GLYPHS

// dnstwist's per-TLD IDN tables; the TLDs measured here (.com, .example) use UNICODE_GLYPHS.
const NO_IDN_TLDS = new Set([
  'ad', 'cz', 'sk', 'uk', 'co.uk', 'nl', 'edu', 'us', 'jp', 'co.jp', 'ad.jp', 'ne.jp',
  'cn', 'com.cn', 'tw', 'com.tw', 'net.tw',
]) // biome-ignore format: a list

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'ь', c: 'с', d: 'ԁ', e: 'е', g: 'ԍ', h: 'һ', i: 'і', j: 'ј', k: 'к', l: 'ӏ', m: 'м',
  o: 'о', p: 'р', q: 'ԛ', s: 'ѕ', t: 'т', v: 'ѵ', w: 'ԝ', x: 'х', y: 'у',
} // biome-ignore format: a table

const QWERTY: Record<string, string> = {
  '1': '2q', '2': '3wq1', '3': '4ew2', '4': '5re3', '5': '6tr4', '6': '7yt5', '7': '8uy6', '8': '9iu7', '9': '0oi8', '0': 'po9',
  q: '12wa', w: '3esaq2', e: '4rdsw3', r: '5tfde4', t: '6ygfr5', y: '7uhgt6', u: '8ijhy7', i: '9okju8', o: '0plki9', p: 'lo0',
  a: 'qwsz', s: 'edxzaw', d: 'rfcxse', f: 'tgvcdr', g: 'yhbvft', h: 'ujnbgy', j: 'ikmnhu', k: 'olmji', l: 'kop',
  z: 'asx', x: 'zsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
} // biome-ignore format: a keyboard
const QWERTZ: Record<string, string> = {
  '1': '2q', '2': '3wq1', '3': '4ew2', '4': '5re3', '5': '6tr4', '6': '7zt5', '7': '8uz6', '8': '9iu7', '9': '0oi8', '0': 'po9',
  q: '12wa', w: '3esaq2', e: '4rdsw3', r: '5tfde4', t: '6zgfr5', z: '7uhgt6', u: '8ijhz7', i: '9okju8', o: '0plki9', p: 'lo0',
  a: 'qwsy', s: 'edxyaw', d: 'rfcxse', f: 'tgvcdr', g: 'zhbvft', h: 'ujnbgz', j: 'ikmnhu', k: 'olmji', l: 'kop',
  y: 'asx', x: 'ysdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
} // biome-ignore format: a keyboard
const AZERTY: Record<string, string> = {
  '1': '2a', '2': '3za1', '3': '4ez2', '4': '5re3', '5': '6tr4', '6': '7yt5', '7': '8uy6', '8': '9iu7', '9': '0oi8', '0': 'po9',
  a: '2zq1', z: '3esqa2', e: '4rdsz3', r: '5tfde4', t: '6ygfr5', y: '7uhgt6', u: '8ijhy7', i: '9okju8', o: '0plki9', p: 'lo0m',
  q: 'zswa', s: 'edxwqz', d: 'rfcxse', f: 'tgvcdr', g: 'yhbvft', h: 'ujnbgy', j: 'iknhu', k: 'olji', l: 'kopm', m: 'lp',
  w: 'sxq', x: 'wsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhj',
} // biome-ignore format: a keyboard
const KEYBOARDS = [QWERTY, QWERTZ, AZERTY]

const COMMON_SECOND_LEVELS = [
  'org',
  'com',
  'net',
  'gov',
  'edu',
  'co',
  'mil',
  'nom',
  'ac',
  'info',
  'biz',
  'ne',
]

/** dnstwist's domain_tld() without the `tld` module: [subdomain, domain, tld]. */
function domainTld(domain: string): [string, string, string] {
  const parts = domain.split('.')
  const d = parts.length > 4 ? [parts.slice(0, -3).join('.'), ...parts.slice(-3)] : parts
  if (d.length < 2) return ['', d[0]!, '']
  if (d.length === 2) return ['', d[0]!, d[1]!]
  if (COMMON_SECOND_LEVELS.includes(d.at(-2)!)) {
    return [d.slice(0, -3).join('.'), d.at(-3)!, d.slice(-2).join('.')]
  }
  return [d.slice(0, -2).join('.'), d.at(-2)!, d.at(-1)!]
}

/** Python's `str.encode('idna')` (IDNA 2003: nameprep, then punycode), or null if it fails. */
function idnaEncode(domain: string): string | null {
  try {
    return domain
      .split('.')
      .map((label) => {
        const prepared = label.normalize('NFKC').toLowerCase()
        if (/^[ -~]*$/.test(prepared)) return prepared
        const encoded = punycode.toASCII(prepared)
        if (encoded.length > 63) throw new Error('label too long')
        return encoded
      })
      .join('.')
  } catch {
    return null
  }
}

const VALID_FQDN = /^(?=.{4,253}$)((?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z0-9-]{2,63}$/i

function mix(domain: string, glyphs: Readonly<Record<string, readonly string[]>>): string[] {
  const results: string[] = []
  for (let i = 0; i < domain.length; i++) {
    for (const g of glyphs[domain[i]!] ?? [])
      results.push(domain.slice(0, i) + g + domain.slice(i + 1))
  }
  for (let i = 0; i < domain.length - 1; i++) {
    const win = domain.slice(i, i + 2)
    for (const c of new Set([win[0]!, win[1]!, win])) {
      for (const g of glyphs[c] ?? []) {
        results.push(domain.slice(0, i) + win.replaceAll(c, g) + domain.slice(i + 2))
      }
    }
  }
  return results
}

function fuzzers(domain: string, tld: string): Record<string, Iterable<string>> {
  const vowels = 'aeiou'
  const keysOf = (c: string) => KEYBOARDS.flatMap((k) => [...(k[c] ?? '')])
  const indices = (n: number) => Array.from({ length: Math.max(0, n) }, (_, i) => i)
  const glyphs: Record<string, string[]> = {}
  const idn = NO_IDN_TLDS.has(tld) ? {} : UNICODE_GLYPHS
  for (const key of new Set([...Object.keys(ASCII_GLYPHS), ...Object.keys(idn)])) {
    glyphs[key] = [...new Set([...(ASCII_GLYPHS[key] ?? []), ...(idn[key] ?? [])])]
  }
  const first = new Set(mix(domain, glyphs))
  const homoglyph = new Set(first)
  for (const r of first) for (const m of mix(r, glyphs)) homoglyph.add(m)
  let cyrillic = domain
  for (const [latin, cyr] of Object.entries(LATIN_TO_CYRILLIC))
    cyrillic = cyrillic.replaceAll(latin, cyr)
  const alnum = [...'0123456789abcdefghijklmnopqrstuvwxyz']
  return {
    addition: [
      ...(domain.includes('-')
        ? indices(domain.split('-').length - 1).flatMap((p) =>
            alnum.map((c) => {
              const parts = domain.split('-')
              return `${parts.slice(0, p + 1).join('-')}${c}-${parts.slice(p + 1).join('-')}`
            }),
          )
        : []),
      ...alnum.map((c) => domain + c),
    ],
    bitsquatting: indices(domain.length).flatMap((i) =>
      [1, 2, 4, 8, 16, 32, 64, 128]
        .map((mask) => String.fromCharCode(domain.charCodeAt(i) ^ mask))
        .filter((b) => /^[a-z0-9-]$/.test(b))
        .map((b) => domain.slice(0, i) + b + domain.slice(i + 1)),
    ),
    cyrillic: [...cyrillic].some((c, i) => c === domain[i]) ? [] : [cyrillic],
    homoglyph,
    hyphenation: indices(domain.length - 1).map(
      (i) => `${domain.slice(0, i + 1)}-${domain.slice(i + 1)}`,
    ),
    insertion: indices(domain.length - 1).flatMap((i) =>
      keysOf(domain[i]!).flatMap((c) => [
        domain.slice(0, i) + c + domain[i] + domain.slice(i + 1),
        domain.slice(0, i) + domain[i] + c + domain.slice(i + 1),
      ]),
    ),
    omission: indices(domain.length).map((i) => domain.slice(0, i) + domain.slice(i + 1)),
    plural: indices(domain.length - 4).map((k) => {
      const i = k + 2
      return (
        domain.slice(0, i + 1) + ('sxz'.includes(domain[i]!) ? 'es' : 's') + domain.slice(i + 1)
      )
    }),
    repetition: indices(domain.length).map((i) => domain.slice(0, i) + domain[i] + domain.slice(i)),
    replacement: indices(domain.length).flatMap((i) =>
      keysOf(domain[i]!).map((r) => domain.slice(0, i) + r + domain.slice(i + 1)),
    ),
    subdomain: indices(domain.length - 2)
      .map((k) => k + 1)
      .filter((i) => !'-.'.includes(domain[i]!) && !'-.'.includes(domain[i - 1]!))
      .map((i) => `${domain.slice(0, i)}.${domain.slice(i)}`),
    transposition: indices(domain.length - 1).map(
      (i) => domain.slice(0, i) + domain[i + 1] + domain[i] + domain.slice(i + 2),
    ),
    'vowel-swap': indices(domain.length).flatMap((i) =>
      vowels.includes(domain[i]!)
        ? [...vowels].map((v) => domain.slice(0, i) + v + domain.slice(i + 1))
        : [],
    ),
  }
}

/** The permutations `dnstwist <domain>` generates, without the original domain. */
export function dnstwist(input: string): Permutation[] {
  const [subdomain, label, tld] = domainTld(input)
  const domain = punycode.toUnicode(label)
  const join = (...parts: string[]) => parts.filter(Boolean).join('.')
  // dnstwist keeps one permutation per domain (the first fuzzer to make it), and the original.
  const seen = new Set<string>([idnaEncode(join(subdomain, domain, tld)) ?? input])
  const result: Permutation[] = []
  const add = (fuzzer: string, name: string) => {
    const encoded = idnaEncode(name)
    if (!encoded || !VALID_FQDN.test(encoded) || seen.has(encoded)) return
    seen.add(encoded)
    result.push({ fuzzer, domain: encoded })
  }
  for (const [fuzzer, names] of Object.entries(fuzzers(domain, tld))) {
    for (const name of names) add(fuzzer, join(subdomain, name, tld))
  }
  // The "various" fuzzer, for a one-label TLD and no subdomain.
  if (!tld.includes('.')) {
    add('various', join(subdomain, domain + tld, tld))
    if (tld !== 'com') {
      add('various', join(subdomain, `${domain}-${tld}`, 'com'))
      add('various', join(subdomain, domain + tld, 'com'))
    }
  }
  return result.sort((a, b) => a.fuzzer.localeCompare(b.fuzzer) || a.domain.localeCompare(b.domain))
}
