import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { inboxKey, mailboxKey } from '../../src/core/subscriptions/mailbox'
import { sqlStores } from '../../src/store/sql-stores'
import type { SubscriptionRequest } from '../../src/store/subscriber-store'

const T0 = '2026-11-01T10:00:00.000Z'
const token = (n: number) => `t${n}`.padEnd(43, 'x')

function fresh(maxRateRows?: number) {
  const db = openSqlite(':memory:')
  return { db, ...sqlStores(db, { maxRateRows }) }
}

let sequence = 0
function request(email: string, now = T0): SubscriptionRequest {
  sequence++
  return {
    email,
    emailKey: mailboxKey(email),
    inboxKey: inboxKey(email),
    newUnsubscribeToken: token(sequence),
    confirmToken: `confirm-${sequence}`,
    confirmTokenHash: `hash-${sequence}`,
    companies: null,
    expiresAt: '2026-11-03T10:00:00.000Z',
    now,
    mailLimit: { limit: 3, periodMs: 86_400_000 },
  }
}

const count = async (db: ReturnType<typeof openSqlite>, table: string) =>
  (await db.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n

describe('SqlSubscriberStore', () => {
  it('keeps one row per mailbox whatever the case, and at most 3 mails a day to it (finding 4)', async () => {
    const { db, subscribers, outbox } = fresh()
    for (const email of [
      'Victim@example.se',
      'vIctim@example.se',
      'VICTIM@EXAMPLE.SE',
      'victim@example.se',
    ])
      await subscribers.requestSubscription(request(email))
    expect(await count(db, 'subscribers')).toBe(1)
    expect(await count(db, 'confirmation_tokens')).toBe(3)
    expect(await outbox.countPending()).toBe(3)
  })

  it('writes the pending subscriber, its token and its mail in one batch', async () => {
    const { db, subscribers, outbox } = fresh()
    await subscribers.requestSubscription(request('anna@example.se'))
    const [mail] = await outbox.claimDue(T0, '2026-11-01T10:02:00.000Z', 10)
    expect(mail).toMatchObject({ recipient: 'anna@example.se', confirmToken: expect.any(String) })
    expect(await subscribers.status('anna@example.se')).toBe('pending')
    expect(await count(db, 'confirmation_tokens')).toBe(1)
    expect(await outbox.claimDue(T0, '2026-11-01T10:02:00.000Z', 10)).toEqual([])
    await outbox.markSent(mail!.id, T0)
    const row = await db.first<{ confirm_token: string | null }>(
      'SELECT confirm_token FROM mail_outbox',
    )
    expect(row?.confirm_token).toBeNull()
  })

  it('writes nothing for a confirm token that does not verify (finding 7)', async () => {
    const { db, subscribers } = fresh()
    expect(await subscribers.confirm('forged-hash', T0, ['a', 'b'])).toBe(false)
    expect(await count(db, 'alerts_seen')).toBe(0)
    await subscribers.requestSubscription(request('real@example.se'))
    const hash = `hash-${sequence}`
    expect(await subscribers.confirm(hash, T0, ['a', 'b'])).toBe(true)
    expect(await count(db, 'alerts_seen')).toBe(2)
    expect(await subscribers.status('real@example.se')).toBe('active')
  })
  it('knows a used confirmation token of a subscriber who is still active', async () => {
    const { subscribers } = fresh()
    const first = request('b@example.se')
    await subscribers.requestSubscription(first)
    const second = request('b@example.se')
    await subscribers.requestSubscription(second)
    expect(await subscribers.isConfirmedBy(first.confirmTokenHash)).toBe(false)
    await subscribers.confirm(first.confirmTokenHash, T0, [])
    expect(await subscribers.isConfirmedBy(first.confirmTokenHash)).toBe(true)
    expect(await subscribers.isConfirmedBy(second.confirmTokenHash)).toBe(false)
    expect(await subscribers.isConfirmedBy('unknown')).toBe(false)
    await subscribers.unsubscribe(first.newUnsubscribeToken, T0)
    expect(await subscribers.isConfirmedBy(first.confirmTokenHash)).toBe(false)
  })
})

describe('SqlRateLimiter: token buckets in one statement (finding 7)', () => {
  const HOUR = 3600_000
  const policy = { limit: 3, periodMs: HOUR }
  const t0 = Date.parse(T0)

  it('passes `limit` at once, then one per interval, and says when', async () => {
    const { rateLimits } = fresh()
    for (let i = 0; i < 3; i++)
      expect((await rateLimits.hit('ip:x', policy, t0)).allowed).toBe(true)
    expect(await rateLimits.hit('ip:x', policy, t0 + 1000)).toEqual({
      allowed: false,
      retryAfterMs: 1_199_000,
    })
    expect((await rateLimits.hit('ip:x', policy, t0 + 1_200_000)).allowed).toBe(true)
    expect((await rateLimits.hit('ip:x', policy, t0 + 1_200_000)).allowed).toBe(false)
    expect((await rateLimits.hit('ip:y', policy, t0)).allowed).toBe(true)
  })

  it('agrees with gcra() request by request', async () => {
    const { gcra } = await import('../../src/rate-limit/gcra')
    const { rateLimits } = fresh()
    let tat: number | undefined
    for (let i = 0; i < 60; i++) {
      const now = t0 + i * 97_000 * ((i % 5) + 1) * 0.1
      const expected = gcra(tat, now, policy)
      tat = expected.tat
      const hit = await rateLimits.hit('ip:same', policy, now)
      expect(hit.allowed, `request ${i}`).toBe(expected.allowed)
    }
  })

  it('is bounded: new keys beyond the cap are refused, and full buckets make room (finding 6)', async () => {
    const { db, rateLimits } = fresh(5)
    for (let i = 0; i < 5; i++)
      expect((await rateLimits.hit(`ip:${i}`, policy, t0)).allowed).toBe(true)
    expect((await rateLimits.hit('ip:spoofed', policy, t0)).allowed).toBe(false)
    expect((await rateLimits.hit('ip:0', policy, t0)).allowed).toBe(true)
    expect(await count(db, 'rate_limits')).toBe(5)
    // An hour on, every bucket is full again: its row goes, and a new key fits.
    expect((await rateLimits.hit('ip:new', policy, t0 + HOUR)).allowed).toBe(true)
    expect(await count(db, 'rate_limits')).toBe(1)
  })
})

describe('SqlDigestStore leases', () => {
  it('gives a growing fence to each holder, never reset by a release', async () => {
    const { digest } = fresh()
    const a = await digest.acquireLease('digest', 'a', T0, '2026-11-01T10:01:00.000Z')
    expect(await digest.acquireLease('digest', 'b', T0, '2026-11-01T10:01:00.000Z')).toBeNull()
    await digest.releaseLease(a!)
    const b = await digest.acquireLease('digest', 'b', T0, '2026-11-01T10:01:00.000Z')
    expect(b!.fence).toBe(a!.fence + 1)
    expect(await digest.renewLease(a!, '2026-11-01T10:05:00.000Z')).toBe(false)
    expect(await digest.renewLease(b!, '2026-11-01T10:05:00.000Z')).toBe(true)
    const c = await digest.acquireLease(
      'digest',
      'c',
      '2026-11-01T10:05:00.001Z',
      '2026-11-01T10:06:00.000Z',
    )
    expect(c!.fence).toBe(b!.fence + 1)
    const at = '2026-11-01T10:05:01.000Z'
    const item = { delivery: { runId: 'r', subscriberId: 1 }, alertIds: [], messageId: '<m@x>' }
    expect(await digest.beginDeliveries(b!, [{ ...item, withdrawn: false }], at, at)).toEqual([
      'refused',
    ])
  })
})
