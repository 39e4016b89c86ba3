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

let scratch = new Int32Array(64)

/**
 * The hash of `text` with the code unit at `skip` left out, for every `skip` (and -1: the
 * text itself), in O(length) for all of them together.
 */
export function deletionHashes(text: string, emit: (hash: number) => void): void {
  const n = text.length
  emit(keyHash(text))
  // suffix[i] = keyHash(text.slice(i)); one buffer for every call, grown when needed.
  if (scratch.length < n + 1) scratch = new Int32Array(2 * (n + 1))
  const suffix = scratch
  suffix[n] = 0
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

/**
 * A read-only Map over items that carry one string key each (several may share it), for an
 * index loaded from a snapshot: instead of a value object per key made up front, it keeps
 * each key's first position and a chain to the next item with that key, and makes a value
 * from the positions of every item with the key (in order) when it is first read, then
 * keeps it. Keys iterate in the order first seen, as a Map built the same way does.
 */
export class KeyedView<V> implements ReadonlyMap<string, V> {
  readonly #first = new Map<string, number>()
  readonly #next: Int32Array
  readonly #make: (positions: readonly number[]) => V
  readonly #values = new Map<number, V>()

  constructor(keys: readonly string[], make: (positions: readonly number[]) => V) {
    this.#make = make
    this.#next = new Int32Array(keys.length).fill(-1)
    const tail = new Int32Array(keys.length)
    for (let i = 0; i < keys.length; i++) {
      const first = this.#first.get(keys[i]!)
      if (first === undefined) {
        this.#first.set(keys[i]!, i)
        tail[i] = i
      } else {
        this.#next[tail[first]!] = i
        tail[first] = i
      }
    }
  }

  get(key: string): V | undefined {
    const first = this.#first.get(key)
    if (first === undefined) return undefined
    let value = this.#values.get(first)
    if (value === undefined && !this.#values.has(first)) {
      const positions: number[] = []
      for (let at = first; at !== -1; at = this.#next[at]!) positions.push(at)
      value = this.#make(positions)
      this.#values.set(first, value)
    }
    return value
  }

  has(key: string): boolean {
    return this.#first.has(key)
  }

  get size(): number {
    return this.#first.size
  }

  keys(): MapIterator<string> {
    return this.#first.keys()
  }

  *entries(): MapIterator<[string, V]> {
    for (const key of this.#first.keys()) yield [key, this.get(key)!]
  }

  *values(): MapIterator<V> {
    for (const key of this.#first.keys()) yield this.get(key)!
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this)
  }
}

const NO_CODE_UNIT = -1

/** A key's bucket: its length and first code unit. */
function bucketOf(length: number, first: number): number {
  return length * 0x10001 + first + 1
}

/**
 * The SymSpell lookup of brand words: a deletion variant (or the word itself) → the words it
 * comes from, in the words' order. A word's keys fall into three buckets of length and first
 * code unit (the word itself; it without its first unit; it without any other), so the words
 * are grouped once, in one pass, and a bucket's hashed table is built the first time a key of
 * that length and first unit is looked up: a check builds a few small tables instead of one of
 * every variant of every word.
 */
export class DeletionLookup implements KeyLookup<string[]> {
  readonly #words: readonly string[]
  readonly #keys: DerivedKeys<string>
  #groups: Map<number, number[]> | undefined
  readonly #tables = new Map<number, DerivedKeyIndex<number>>()

  constructor(words: readonly string[], keys: DerivedKeys<string>) {
    this.#words = words
    this.#keys = keys
  }

  #group(): Map<number, number[]> {
    const groups = new Map<number, number[]>()
    const add = (bucket: number, position: number) => {
      const list = groups.get(bucket)
      if (!list) groups.set(bucket, [position])
      else if (list.at(-1) !== position) list.push(position)
    }
    this.#words.forEach((word, position) => {
      const n = word.length
      add(bucketOf(n, n > 0 ? word.charCodeAt(0) : NO_CODE_UNIT), position)
      if (n >= 1) add(bucketOf(n - 1, n > 1 ? word.charCodeAt(1) : NO_CODE_UNIT), position)
      if (n >= 2) add(bucketOf(n - 1, word.charCodeAt(0)), position)
    })
    return groups
  }

  get(key: string): string[] | undefined {
    const bucket = bucketOf(key.length, key.length > 0 ? key.charCodeAt(0) : NO_CODE_UNIT)
    let table = this.#tables.get(bucket)
    if (!table) {
      this.#groups ??= this.#group()
      const words = this.#words
      const keys = this.#keys
      table = new DerivedKeyIndex(this.#groups.get(bucket) ?? [], {
        hashes: (position, emit) => keys.hashes(words[position]!, emit),
        has: (position, wanted) => keys.has(words[position]!, wanted),
      })
      this.#tables.set(bucket, table)
    }
    return table.get(key)?.map((position) => this.#words[position]!)
  }
}
