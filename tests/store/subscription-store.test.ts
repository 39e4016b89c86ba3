import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { SubscriptionStore } from '../../src/store/subscription-store'

const T0 = '2026-11-01T10:00:00.000Z'
const token = (n: number) => `t${n}`.padEnd(43, 'x')

function freshStore() {
  return new SubscriptionStore(openSqlite(':memory:'))
}

describe('SubscriptionStore', () => {
  it('keeps one row per address and reactivates only through confirmation', async () => {
    const store = freshStore()
    const first = await store.upsertPending('a@example.se', token(1), T0)
    const again = await store.upsertPending('a@example.se', token(2), T0)
    expect(again).toEqual(first)
    await store.addConfirmationToken(first.id, 'h1', ['exempelbolaget'], '2026-11-03T10:00:00.000Z')
    expect(await store.confirm('h1', T0)).toBe(true)
    expect(await store.confirm('h1', T0)).toBe(false)
    expect((await store.activePage(0, 10))[0]).toMatchObject({
      email: 'a@example.se',
      companies: ['exempelbolaget'],
      cursor: T0,
    })
    expect(await store.unsubscribe(first.unsubscribeToken, T0)).toBe(true)
    expect(await store.unsubscribe(first.unsubscribeToken, T0)).toBe(true)
    await store.upsertPending('a@example.se', token(3), T0)
    expect(await store.status('a@example.se')).toBe('pending')
  })

  it('knows a used confirmation token of a subscriber who is still active', async () => {
    const store = freshStore()
    const { id, unsubscribeToken } = await store.upsertPending('b@example.se', token(1), T0)
    await store.addConfirmationToken(id, 'h1', null, '2026-11-03T10:00:00.000Z')
    await store.addConfirmationToken(id, 'h2', null, '2026-11-03T10:00:00.000Z')
    expect(await store.isConfirmedBy('h1')).toBe(false)
    await store.confirm('h1', T0)
    expect(await store.isConfirmedBy('h1')).toBe(true)
    expect(await store.isConfirmedBy('h2')).toBe(false)
    expect(await store.isConfirmedBy('unknown')).toBe(false)
    await store.unsubscribe(unsubscribeToken, T0)
    expect(await store.isConfirmedBy('h1')).toBe(false)
  })

  it('counts rate-limit hits per window', async () => {
    const store = freshStore()
    expect(await store.hit('ip:x', '2026-11-01T10')).toBe(1)
    expect(await store.hit('ip:x', '2026-11-01T10')).toBe(2)
    expect(await store.hit('ip:x', '2026-11-01T11')).toBe(1)
  })

  it('forgets unconfirmed addresses, old tokens and old counters after a week', async () => {
    const store = freshStore()
    const stale = await store.upsertPending('stale@example.se', token(1), T0)
    await store.addConfirmationToken(stale.id, 'old', null, '2026-11-03T10:00:00.000Z')
    const active = await store.upsertPending('active@example.se', token(2), T0)
    await store.addConfirmationToken(active.id, 'ok', null, '2026-11-03T10:00:00.000Z')
    await store.confirm('ok', T0)
    await store.hit('ip:x', '2026-11-01T10')

    await store.housekeeping(new Date('2026-11-05T10:00:00.000Z'))
    expect(await store.status('stale@example.se')).toBe('pending')

    await store.housekeeping(new Date('2026-11-09T10:00:01.000Z'))
    expect(await store.status('stale@example.se')).toBeNull()
    expect(await store.status('active@example.se')).toBe('active')
    expect(await store.hit('ip:x', '2026-11-01T10')).toBe(1)
  })

  it('gives a lease to one holder at a time until it expires', async () => {
    const store = freshStore()
    expect(await store.acquireLease('digest', 'a', T0, '2026-11-01T10:30:00.000Z')).toBe(true)
    expect(
      await store.acquireLease(
        'digest',
        'b',
        '2026-11-01T10:10:00.000Z',
        '2026-11-01T10:40:00.000Z',
      ),
    ).toBe(false)
    expect(
      await store.acquireLease(
        'digest',
        'b',
        '2026-11-01T10:31:00.000Z',
        '2026-11-01T11:00:00.000Z',
      ),
    ).toBe(true)
    await store.releaseLease('digest', 'b')
    expect(
      await store.acquireLease(
        'digest',
        'c',
        '2026-11-01T10:32:00.000Z',
        '2026-11-01T11:00:00.000Z',
      ),
    ).toBe(true)
  })
})
