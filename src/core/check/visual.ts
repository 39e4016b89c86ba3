import { skeleton } from './skeleton'

/**
 * dnstwist's ASCII glyph table (dnstwist.py, Fuzzer.glyphs_ascii, release 20250130): what
 * each letter or pair is written as in a lookalike domain. UTS #39 covers only a few of
 * these (1 for l, 0 for o, rn for m); the rest (c for e, nn for m, cl for d…) are here.
 */
export const DNSTWIST_ASCII_GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['o'],
  '1': ['l', 'i'],
  '3': ['8'],
  '6': ['9'],
  '8': ['3'],
  '9': ['6'],
  b: ['d', 'lb'],
  c: ['e'],
  d: ['b', 'cl', 'dl'],
  e: ['c'],
  g: ['q'],
  h: ['lh'],
  i: ['1', 'l'],
  k: ['lc'],
  l: ['1', 'i'],
  m: ['n', 'nn', 'rn'],
  n: ['m', 'r'],
  o: ['0'],
  q: ['g'],
  u: ['v'],
  v: ['u'],
  w: ['vv'],
  rn: ['m'],
  cl: ['d'],
}

/** Every way dnstwist rewrites one spot of a string with one glyph substitution. */
function oneSubstitution(text: string): string[] {
  const results: string[] = []
  for (let i = 0; i < text.length; i++) {
    for (const width of [1, 2]) {
      const part = text.slice(i, i + width)
      if (part.length !== width) continue
      for (const glyph of DNSTWIST_ASCII_GLYPHS[part] ?? []) {
        results.push(text.slice(0, i) + glyph + text.slice(i + width))
      }
    }
  }
  return results
}

interface Substitution {
  from: string
  to: string
  cost: number
}

/**
 * The substitutions in skeleton space, both ways, with their cost: one glyph (cost 1), or a
 * glyph rewritten again (m → nn → mn, cost 2), as dnstwist's homoglyph fuzzer does.
 * Pairs that UTS #39 already makes equal drop out.
 */
function buildSubstitutions(): Substitution[] {
  const best = new Map<string, Substitution>()
  const add = (from: string, to: string, cost: number) => {
    const [a, b] = [skeleton(from), skeleton(to)]
    if (a === b) return
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const key = `${x}\u0000${y}`
      const known = best.get(key)
      if (!known || known.cost > cost) best.set(key, { from: x, to: y, cost })
    }
  }
  for (const [from, glyphs] of Object.entries(DNSTWIST_ASCII_GLYPHS)) {
    for (const glyph of glyphs) {
      add(from, glyph, 1)
      for (const twice of oneSubstitution(glyph)) add(from, twice, 2)
    }
  }
  return [...best.values()]
}

/** Substitutions by the first character of what they replace in the brand. */
const SUBSTITUTIONS = new Map<string, Substitution[]>()
for (const substitution of buildSubstitutions()) {
  const first = substitution.from[0]!
  SUBSTITUTIONS.set(first, [...(SUBSTITUTIONS.get(first) ?? []), substitution])
}
const MAX_SUBSTITUTIONS = 2

/**
 * The fewest glyph substitutions that turn skeleton `written` into skeleton `brand`, or
 * Infinity when more than two are needed. Only called for the few brands a key lookup
 * returns, so its quadratic table stays small (labels are at most 63 characters).
 */
export function glyphDistance(written: string, brand: string): number {
  const rows = written.length + 1
  const cols = brand.length + 1
  const cost = new Array<number>(rows * cols).fill(Number.POSITIVE_INFINITY)
  cost[0] = 0
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const here = cost[i * cols + j]!
      if (here > MAX_SUBSTITUTIONS) continue
      if (i < written.length && j < brand.length && written[i] === brand[j]) {
        const next = (i + 1) * cols + j + 1
        if (here < cost[next]!) cost[next] = here
      }
      for (const { from, to, cost: step } of SUBSTITUTIONS.get(brand[j] ?? '') ?? []) {
        if (!brand.startsWith(from, j) || !written.startsWith(to, i)) continue
        const next = (i + to.length) * cols + j + from.length
        if (here + step < cost[next]!) cost[next] = here + step
      }
    }
  }
  const total = cost[rows * cols - 1]!
  return total <= MAX_SUBSTITUTIONS ? total : Number.POSITIVE_INFINITY
}

const CLASSES: Record<string, string> = {
  i: 'l',
  '8': '3',
  '9': '6',
  d: 'b',
  e: 'c',
  q: 'g',
  r: 'n',
  v: 'u',
}

/**
 * A key that a skeleton and its glyph substitutions usually share: letters that stand in
 * for each other fold into one (c/e, b/d, i/l, n/r…), runs of n collapse (rn, nn and m all
 * read as one), and pairs that imitate one letter (cl, lb, lh, lc, vv) become that letter.
 * A lookup by this key finds the brands worth measuring with glyphDistance.
 */
export function visualKey(skeletonText: string): string {
  let folded = ''
  for (const char of skeletonText) folded += CLASSES[char] ?? char
  return folded
    .replace(/n+/g, 'n')
    .replace(/uu/g, 'w')
    .replace(/cl|bl|lb|lh|lc/g, (pair) => (pair === 'lh' ? 'h' : pair === 'lc' ? 'k' : 'b'))
}
