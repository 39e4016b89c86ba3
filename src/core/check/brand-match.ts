import { type BrandRef, type ContactIndex, MIN_BRAND_LENGTH } from './contact-index'
import { skeleton } from './skeleton'
import { deletionVariants, type TypoKind, typoKind } from './typos'

/** How a word resembles a brand word. */
export type Resemblance = 'same-name' | 'contains' | 'homoglyph' | TypoKind

export interface BrandMatch {
  ref: BrandRef
  how: Resemblance
}

/**
 * Finds the brand a word imitates: the brand itself (on another domain or platform), a
 * confusable spelling (UTS #39 skeleton), one dnstwist-style edit, or the brand plus
 * other words. Every step is a map lookup, so the cost does not grow with the companies.
 */
export function matchBrand(index: ContactIndex, word: string): BrandMatch | null {
  const lower = word.toLowerCase()
  const exact = index.brands.get(lower)
  if (exact?.[0]) return { ref: exact[0], how: 'same-name' }

  const compact = lower.replace(/[._\s]/g, '')
  const compactExact = index.brands.get(compact)
  if (compactExact?.[0]) return { ref: compactExact[0], how: 'same-name' }

  for (const brand of index.skeletons.get(skeleton(compact)) ?? []) {
    const ref = index.brands.get(brand)?.[0]
    if (ref) return { ref, how: 'homoglyph' }
  }

  for (const variant of new Set(deletionVariants(compact))) {
    for (const brand of index.brandDeletions.get(variant) ?? []) {
      const kind = typoKind(lower, brand) ?? typoKind(compact, brand)
      const ref = index.brands.get(brand)?.[0]
      if (kind && ref) return { ref, how: kind }
    }
  }

  const contained = containedBrand(index, compact.replace(/-/g, ''))
  return contained ? { ref: contained, how: 'contains' } : null
}

/** The longest brand word inside `word` (jemfixpresent → jemfix). */
function containedBrand(index: ContactIndex, word: string): BrandRef | null {
  if (word.length <= MIN_BRAND_LENGTH) return null
  for (let li = index.brandLengths.length - 1; li >= 0; li--) {
    const length = index.brandLengths[li]!
    if (length >= word.length) continue
    for (let start = 0; start + length <= word.length; start++) {
      const ref = index.brands.get(word.slice(start, start + length))?.[0]
      if (ref) return ref
    }
  }
  return null
}

/** True when a word is, or resembles, a known brand or account name. */
export function isBrandLike(index: ContactIndex, word: string): boolean {
  return index.handlesAnyPlatform.has(word.toLowerCase()) || matchBrand(index, word) !== null
}
