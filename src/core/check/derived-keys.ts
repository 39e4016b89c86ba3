/** The part of a Map the checker reads: one lookup by key. */
export interface KeyLookup<V> {
  get(key: string): V | undefined
}

/**
 * How the keys of one item are made: `hashes` gives the 32-bit `keyHash` of every key the
 * item has (repeats allowed), `has` says whether a key is one of them.
 */
export interface DerivedKeys<T> {
  hashes(item: T, emit: (hash: number) => void): void
  has(item: T, key: string): boolean
}

const BASE = 31

/** A polynomial hash of a string's UTF-16 code units, the one DerivedKeys implementations emit. */
export function keyHash(text: string): number {
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0
  return hash
}

const powers = [1]
function power(n: number): number {
  while (powers.length <= n) powers.push(Math.imul(powers.at(-1)!, BASE) | 0)
  return powers[n]!
}

/** keyHash of a text of `length` code units whose hash is `hash`, with the unit at `at` changed. */
export function withCodeUnit(
  hash: number,
  length: number,
  at: number,
  from: number,
  to: number,
): number {
  return (hash + Math.imul(to - from, power(length - 1 - at))) | 0
}

/**
 * The hash of `text` with the code unit at `skip` left out, for every `skip` (and -1: the
 * text itself), in O(length) for all of them together.
 */
export function deletionHashes(text: string, emit: (hash: number) => void): void {
  const n = text.length
  emit(keyHash(text))
  // suffix[i] = keyHash(text.slice(i))
  const suffix = new Int32Array(n + 1)
  for (let i = n - 1; i >= 0; i--)
    suffix[i] = (Math.imul(text.charCodeAt(i), power(n - 1 - i)) + suffix[i + 1]!) | 0
  let prefix = 0
  for (let skip = 0; skip < n; skip++) {
    emit((Math.imul(prefix, power(n - 1 - skip)) + suffix[skip + 1]!) | 0)
    prefix = (Math.imul(prefix, BASE) + text.charCodeAt(skip)) | 0
  }
}

/**
 * A multimap from keys derived from items (a brand word's deletion variants, an official
 * number's masks) to the items that have them, in the items' order and each item once, with
 * undefined for a key no item has: what a Map built by pushing every item under each of its
 * keys answers. It keeps 32-bit hashes in typed arrays instead of the key strings, so it is
 * built in a few milliseconds from the items alone and costs a few bytes per key; a lookup
 * hashes the key, follows one chain and confirms each item with `has`, so collisions never
 * change an answer.
 */
export class DerivedKeyIndex<T> implements KeyLookup<T[]> {
  readonly #items: readonly T[]
  readonly #keys: DerivedKeys<T>
  readonly #mask: number
  /** Bucket → first entry + 1 (0: empty). */
  readonly #heads: Int32Array
  readonly #next: Int32Array
  readonly #item: Int32Array
  readonly #hash: Int32Array

  constructor(items: readonly T[], keys: DerivedKeys<T>) {
    this.#items = items
    this.#keys = keys
    const hashes: number[] = []
    const owners: number[] = []
    for (const [index, item] of items.entries()) {
      keys.hashes(item, (hash) => {
        hashes.push(hash)
        owners.push(index)
      })
    }
    let size = 16
    while (size < hashes.length * 2) size *= 2
    this.#mask = size - 1
    this.#heads = new Int32Array(size)
    this.#next = new Int32Array(hashes.length)
    this.#item = Int32Array.from(owners)
    this.#hash = Int32Array.from(hashes)
    // Filled from the last entry, so every chain lists entries in the items' order.
    for (let entry = hashes.length - 1; entry >= 0; entry--) {
      const bucket = this.#bucket(hashes[entry]!)
      this.#next[entry] = this.#heads[bucket]!
      this.#heads[bucket] = entry + 1
    }
  }

  #bucket(hash: number): number {
    return (hash ^ (hash >>> 15)) & this.#mask
  }

  get(key: string): T[] | undefined {
    const hash = keyHash(key)
    let found: T[] | undefined
    let last = -1
    for (let at = this.#heads[this.#bucket(hash)]!; at !== 0; at = this.#next[at - 1]!) {
      const entry = at - 1
      const index = this.#item[entry]!
      // Entries of one chain come in the items' order: an item met again is a repeat.
      if (this.#hash[entry] !== hash || index === last) continue
      const item = this.#items[index]!
      if (!this.#keys.has(item, key)) continue
      last = index
      if (found) found.push(item)
      else found = [item]
    }
    return found
  }
}
