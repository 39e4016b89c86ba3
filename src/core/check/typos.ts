/** The dnstwist permutation kinds a one-edit lookalike can be classified as. */
export type TypoKind =
  | 'omission'
  | 'insertion'
  | 'replacement'
  | 'repetition'
  | 'transposition'
  | 'bitsquatting'
  | 'vowel-swap'
  | 'hyphenation'
  | 'addition'

const VOWELS = new Set('aeiouyåäö')

/** Every string made by deleting one character, and the string itself (the SymSpell keys). */
export function deletionVariants(word: string): string[] {
  const variants = [word]
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1))
  return variants
}

function isOneBitApart(a: string, b: string): boolean {
  const x = a.charCodeAt(0) ^ b.charCodeAt(0)
  return x !== 0 && (x & (x - 1)) === 0
}

/**
 * Classifies `candidate` as one edit away from `brand` (optimal string alignment distance 1),
 * naming the kind of edit, or returns null when it is not exactly one edit away.
 */
export function typoKind(candidate: string, brand: string): TypoKind | null {
  if (candidate === brand) return null
  const [c, b] = [candidate, brand]
  if (c.length === b.length - 1) {
    for (let i = 0; i < c.length + 1; i++) {
      if (b.slice(0, i) + b.slice(i + 1) === c) return 'omission'
    }
    return null
  }
  if (c.length === b.length + 1) {
    for (let i = 0; i < c.length; i++) {
      if (c.slice(0, i) + c.slice(i + 1) !== b) continue
      const added = c[i]!
      if (added === '-') return 'hyphenation'
      if (added === c[i - 1] || added === c[i + 1]) return 'repetition'
      if (i === c.length - 1) return 'addition'
      return 'insertion'
    }
    return null
  }
  if (c.length !== b.length) return null
  const diffs: number[] = []
  for (let i = 0; i < c.length && diffs.length <= 2; i++) if (c[i] !== b[i]) diffs.push(i)
  if (diffs.length === 1) {
    const i = diffs[0]!
    if (VOWELS.has(c[i]!) && VOWELS.has(b[i]!)) return 'vowel-swap'
    if (isOneBitApart(c[i]!, b[i]!)) return 'bitsquatting'
    return 'replacement'
  }
  if (diffs.length === 2) {
    const [i, j] = diffs as [number, number]
    if (j === i + 1 && c[i] === b[j] && c[j] === b[i]) return 'transposition'
  }
  return null
}

/** Number of positions at which two equally long strings differ (Infinity if lengths differ). */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY
  let d = 0
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++
  return d
}
