import { type BrandRef, type ContactIndex, MIN_BRAND_LENGTH } from './contact-index'
import { skeleton } from './skeleton'
import { deletionVariants, type TypoKind, typoKind } from './typos'
import { glyphDistance, visualKey } from './visual'

/** How a word resembles a brand word. */
export type Resemblance = 'same-name' | 'contains' | 'homoglyph' | 'split' | TypoKind

export interface BrandMatch {
  ref: BrandRef
  how: Resemblance
}

/** Words longer than this are no DNS label or handle; they are not compared letter by letter. */
const MAX_WORD_LENGTH = 64

function refOf(index: ContactIndex, brand: string): BrandRef | undefined {
  return index.brands.get(brand)?.[0]
}

/** The brand a word spells exactly, or in look-alike letters (UTS #39, Latin-extended, IPA). */
export function sameOrHomoglyph(index: ContactIndex, word: string): BrandMatch | null {
  const lower = word.toLowerCase()
  const compact = lower.replace(/[._\s]/g, '')
  for (const candidate of [lower, compact]) {
    const ref = refOf(index, candidate)
    if (ref) return { ref, how: 'same-name' }
  }
  const shape = skeleton(compact)
  for (const brand of index.skeletons.get(shape) ?? []) {
    const ref = refOf(index, brand)
    if (ref) return { ref, how: 'homoglyph' }
  }
  for (const brand of index.visualKeys.get(visualKey(shape)) ?? []) {
    const ref = refOf(index, brand)
    if (ref && glyphDistance(shape, skeleton(brand)) <= 2) return { ref, how: 'homoglyph' }
  }
  return null
}

/**
 * Finds the brand a word imitates: the brand itself (on another domain or platform), a
 * confusable spelling (UTS #39 skeleton, Latin-extended and IPA letters, up to two of
 * dnstwist's ASCII glyphs), one dnstwist-style edit, or the brand plus other words. Every
 * step is a map lookup or a bounded scan of the word, so the cost does not grow with the
 * number of companies.
 */
export function matchBrand(index: ContactIndex, word: string): BrandMatch | null {
  if (word.length > MAX_WORD_LENGTH) return null
  const exact = sameOrHomoglyph(index, word)
  if (exact) return exact
  const lower = word.toLowerCase()
  const compact = lower.replace(/[._\s]/g, '')
  for (const variant of new Set(deletionVariants(compact))) {
    for (const brand of index.brandDeletions.get(variant) ?? []) {
      const kind = typoKind(lower, brand) ?? typoKind(compact, brand)
      const ref = refOf(index, brand)
      if (kind && ref) return { ref, how: kind }
    }
  }
  const contained = containedBrand(index, compact.replace(/-/g, ''))
  return contained ? { ref: contained, how: 'contains' } : null
}

/**
 * The longest brand word inside `word` (jemfixpresent → jemfix). Only the lengths of brand
 * words that start with the same three letters are tried at each position.
 */
export function containedBrand(index: ContactIndex, word: string): BrandRef | null {
  if (word.length <= MIN_BRAND_LENGTH || word.length > MAX_WORD_LENGTH * 4) return null
  let best: BrandRef | null = null
  for (let start = 0; start + MIN_BRAND_LENGTH <= word.length; start++) {
    for (const length of index.brandPrefixes.get(word.slice(start, start + 3)) ?? []) {
      if (length >= word.length || start + length > word.length) continue
      if (best && length <= best.brand.length) break
      const ref = refOf(index, word.slice(start, start + length))
      if (ref) best = ref
    }
  }
  return best
}
