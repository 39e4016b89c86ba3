import { type ContactIndex, nameTokens } from '../check'

/** Shortest beginning of a name that finds it; a shorter query must be the whole name. */
const MIN_PREFIX = 3
/** Companies named by one query at most: a search box, not a directory. */
export const MAX_COMPANIES = 10

/**
 * A company name as search compares it: the checker's name words (lowercase, NFKC, "och",
 * "o", "and", "+" read as "&") without the "&" and run together, so "jem & fix",
 * "jem och fix", "Jem&Fix" and "jem fix" are one key, and "Exempel Bolaget" is
 * "exempelbolaget".
 */
export function compactName(text: string): string {
  return nameTokens(text)
    .filter((token) => token !== '&')
    .join('')
}

/** Every name and alias as a compact key, sorted, beside the company it names. */
export interface NameKeys {
  keys: readonly string[]
  slugs: readonly string[]
}

/** Sorted once when the records load, so a lookup is a binary search. */
export function buildNameKeys(index: ContactIndex): NameKeys {
  const entries: [string, string][] = []
  for (const names of index.names.values()) {
    for (const { tokens, slug } of names) {
      const key = tokens.filter((token) => token !== '&').join('')
      if (key) entries.push([key, slug])
    }
  }
  entries.sort(([a, slugA], [b, slugB]) => (a === b ? compare(slugA, slugB) : compare(a, b)))
  return { keys: entries.map(([key]) => key), slugs: entries.map(([, slug]) => slug) }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Index of the first key not below `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let [low, high] = [0, keys.length]
  while (low < high) {
    const middle = (low + high) >> 1
    if (keys[middle]! < key) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Companies whose name or alias the text is, or begins (from three letters): "jem" finds
 * jem & fix. The whole name first, then in order of the names; at most MAX_COMPANIES, and
 * the work is a binary search plus the names returned, whatever the number of companies.
 */
export function companiesStartingWith(names: NameKeys, text: string): string[] {
  const key = compactName(text)
  if (!key) return []
  const found = new Set<string>()
  const matches = (candidate: string) =>
    key.length >= MIN_PREFIX ? candidate.startsWith(key) : candidate === key
  for (
    let i = lowerBound(names.keys, key);
    i < names.keys.length && matches(names.keys[i]!) && found.size < MAX_COMPANIES;
    i++
  ) {
    found.add(names.slugs[i]!)
  }
  return [...found]
}
