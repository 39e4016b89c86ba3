import confusablesData from 'unhomoglyph/data.json' with { type: 'json' }
import { lazy } from '../lazy'

/** unhomoglyph's table (UTS #39 confusables.txt): every key is one code point. */
const table = lazy(() => new Map(Object.entries(confusablesData as Record<string, string>)))

/**
 * What unhomoglyph does, by table lookup. The package builds one regular expression of its
 * 6,311 characters as alternatives when it is loaded, and compiling it on first use cost a
 * fresh Worker isolate about 15 ms of its first check; a Map of the same table costs about one.
 */
export function unhomoglyph(text: string): string {
  const map = table()
  let out = ''
  for (const char of text) out += map.get(char) ?? char
  return out
}
