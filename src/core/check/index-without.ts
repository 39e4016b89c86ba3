import type { ContactIndex } from './contact-index'
import type { KeyLookup } from './derived-keys'

/**
 * A read-only view of a map whose values are filtered on the way out: `keep` returns the
 * value as the view shows it, or undefined to hide the key.
 */
class FilteredMap<K, V> implements ReadonlyMap<K, V> {
  constructor(
    private readonly inner: ReadonlyMap<K, V>,
    private readonly keep: (value: V) => V | undefined,
  ) {}

  get(key: K): V | undefined {
    const value = this.inner.get(key)
    return value === undefined ? undefined : this.keep(value)
  }

  has(key: K): boolean {
    return this.get(key) !== undefined
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.inner) {
      const kept = this.keep(value)
      if (kept !== undefined) yield [key, kept]
    }
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries()
  }

  get size(): number {
    let size = 0
    for (const _ of this.entries()) size++
    return size
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this)
  }
}

/** A lookup whose values are filtered on the way out, like FilteredMap. */
function filteredLookup<V>(inner: KeyLookup<V>, keep: (value: V) => V | undefined): KeyLookup<V> {
  return {
    get(key) {
      const value = inner.get(key)
      return value === undefined ? undefined : keep(value)
    },
  }
}

/**
 * The checker's index as if only some companies were in the records, so that a company's
 * own contacts can be judged against other companies': the catalog check that warns when an
 * official domain, number or account is a lookalike of another company's. A view over the
 * index (no copy), so a view per company costs nothing to make.
 */
export function indexLimitedTo(
  index: ContactIndex,
  include: (slug: string) => boolean,
): ContactIndex {
  const owner = (slug: string) => (include(slug) ? slug : undefined)
  const owned = <T extends { slug: string }>(item: T) => (include(item.slug) ? item : undefined)
  const ownedList = <T extends { slug: string }>(list: T[]) => {
    const kept = list.filter((item) => include(item.slug))
    return kept.length > 0 ? kept : undefined
  }
  const phones = new FilteredMap(index.phones, owned)
  return {
    ...index,
    companies: new FilteredMap(index.companies, owned),
    officialHosts: new FilteredMap(index.officialHosts, owner),
    officialPages: new FilteredMap(index.officialPages, ownedList),
    brands: new FilteredMap(index.brands, ownedList),
    phones,
    phoneMasks: filteredLookup(index.phoneMasks, (numbers) => {
      const kept = numbers.filter((number) => phones.has(number))
      return kept.length > 0 ? kept : undefined
    }),
    handles: new FilteredMap(index.handles, owner),
    handlesAnyPlatform: new FilteredMap(index.handlesAnyPlatform, ownedList),
    smsSenders: new FilteredMap(index.smsSenders, owner),
    names: new FilteredMap(index.names, ownedList),
  }
}

/** The checker's index as if one company were not in the records. */
export function indexWithout(index: ContactIndex, slug: string): ContactIndex {
  return indexLimitedTo(index, (other) => other !== slug)
}
