import { describe, expect, it } from 'vitest'
import { gcra } from '../../src/rate-limit/gcra'
import { memoryRequestLimiter } from '../../src/rate-limit/memory-limiter'

const HOUR = 3600_000
const policy = { limit: 20, periodMs: HOUR }

/** Plays requests at the given times (ms) through one bucket; returns how many were allowed. */
function allowed(times: number[]): number {
  let tat: number | undefined
  let n = 0
  for (const now of times) {
    const d = gcra(tat, now, policy)
    tat = d.tat
    if (d.allowed) n++
  }
  return n
}

describe('gcra: a token bucket that a client cannot widen (finding 7)', () => {
  it('lets 20 through at once, then one every 3 minutes', () => {
    expect(allowed(Array(25).fill(0))).toBe(20)
    expect(allowed([...Array(20).fill(0), 179_999])).toBe(20)
    expect(allowed([...Array(20).fill(0), 180_000, 180_000])).toBe(21)
  })

  it('lets no more than 20 through in two minutes across an hour boundary', () => {
    const boundary = Date.parse('2026-11-25T11:00:00Z')
    const times = [
      ...Array.from({ length: 20 }, (_, i) => boundary - 60_000 + i),
      ...Array.from({ length: 20 }, (_, i) => boundary + 60_000 + i),
    ]
    expect(allowed(times)).toBe(20)
  })

  it('says when the next request will pass', () => {
    let tat: number | undefined
    for (let i = 0; i < 20; i++) tat = gcra(tat, 0, policy).tat
    const refused = gcra(tat, 60_000, policy)
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 120_000 })
    expect(gcra(refused.tat, 180_000, policy).allowed).toBe(true)
  })

  it('is full again once a whole period has passed', () => {
    let tat: number | undefined
    for (let i = 0; i < 20; i++) tat = gcra(tat, 0, policy).tat
    expect(tat).toBe(HOUR)
    expect(allowed([...Array(20).fill(0), ...Array(20).fill(HOUR)])).toBe(40)
  })
})

describe('memoryRequestLimiter', () => {
  it('limits each key on its own and answers with a Retry-After in whole seconds', async () => {
    let now = 0
    const limiter = memoryRequestLimiter({ limit: 3, periodMs: 60_000 }, { clock: () => now })
    for (let i = 0; i < 3; i++) expect((await limiter.limit('a')).allowed).toBe(true)
    expect(await limiter.limit('a')).toEqual({ allowed: false, retryAfterSeconds: 20 })
    expect((await limiter.limit('b')).allowed).toBe(true)
    now = 20_000
    expect((await limiter.limit('a')).allowed).toBe(true)
  })

  it('holds at most maxKeys buckets, forgetting the least recently used', async () => {
    let now = 0
    const limiter = memoryRequestLimiter(
      { limit: 2, periodMs: 1000 },
      { clock: () => now, maxKeys: 10 },
    )
    for (let i = 0; i < 10; i++) await limiter.limit(`k${i}`)
    expect(limiter.size()).toBe(10)
    await limiter.limit('k0')
    expect((await limiter.limit('k0')).allowed).toBe(false)
    for (let i = 10; i < 30; i++) await limiter.limit(`k${i}`)
    expect(limiter.size()).toBe(10)
    now = 1
    // k0 was used last before the flood of new keys, and is forgotten by now: a full bucket.
    expect((await limiter.limit('k0')).allowed).toBe(true)
  })

  it('forgets a client once its bucket is full again, on the next request or prune', async () => {
    let now = 0
    const limiter = memoryRequestLimiter({ limit: 60, periodMs: 60_000 }, { clock: () => now })
    await limiter.limit('client-a')
    await limiter.limit('client-b')
    now = 1_000 // full again one interval after the only check
    limiter.prune()
    expect(limiter.size()).toBe(0)
    await limiter.limit('client-c')
    now = 2_001
    await limiter.limit('client-d')
    expect(limiter.size()).toBe(1)
  })
})
