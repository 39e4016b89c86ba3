import type { Catalog } from '../core/catalog'
import { mailboxKey } from '../core/subscriptions/mailbox'
import type { SubscribeRequest } from '../core/subscriptions/subscribe-request'
import { hashToken, newToken } from '../security/tokens'
import { dayWindow, hourWindow } from '../store/rate-limit-store'
import type { SubscriptionStores } from '../store/sql-stores'

/** Subscription requests one client address may make per hour. */
export const SUBSCRIBE_PER_IP_PER_HOUR = 20
/** Confirmation mails one mailbox may receive per day, whatever the spelling of its address. */
export const CONFIRMATIONS_PER_MAILBOX_PER_DAY = 3
export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000

/**
 * `accepted` for every valid request, whatever the address's state, so nothing reveals who
 * subscribes; `rate-limited` when the client address has used up its hour.
 */
export type SubscribeResult =
  | { kind: 'accepted' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }

export type TokenResult = { kind: 'done' } | { kind: 'invalid-link' }

/**
 * A confirmation link's state: `usable` once, then `already-subscribed` while its subscriber
 * stays active (a link opened again is not an error), otherwise `invalid-link`.
 */
export type ConfirmResult =
  | { kind: 'done' }
  | { kind: 'already-subscribed' }
  | { kind: 'invalid-link' }
export type ConfirmLinkState = 'usable' | 'already-subscribed' | 'invalid-link'

export interface SubscriptionServiceDeps {
  stores: SubscriptionStores
  catalog: Catalog
  clock: () => Date
}

/** Double opt-in subscriptions and unsubscribe, as results the routes turn into answers. */
export interface SubscriptionService {
  subscribe(request: SubscribeRequest, clientAddress: string): Promise<SubscribeResult>
  /** What a confirmation link does now (the GET page; changes nothing). */
  confirmLinkState(token: string): Promise<ConfirmLinkState>
  confirm(token: string): Promise<ConfirmResult>
  canUnsubscribe(token: string): Promise<boolean>
  unsubscribe(token: string): Promise<TokenResult>
}

export function createSubscriptionService(deps: SubscriptionServiceDeps): SubscriptionService {
  const { stores, catalog, clock } = deps
  const alertIds = catalog.alerts.map((a) => a.id)
  const done = (ok: boolean): TokenResult => (ok ? { kind: 'done' } : { kind: 'invalid-link' })
  return {
    async subscribe(request, clientAddress) {
      const now = clock()
      const iso = now.toISOString()
      const hour = hourWindow(now)
      const hit = await stores.rateLimits.hit(`ip:${clientAddress}`, hour, iso)
      if (!hit.counted || hit.count > SUBSCRIBE_PER_IP_PER_HOUR) {
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil((Date.parse(hour.endsAt) - now.getTime()) / 1000),
        )
        return { kind: 'rate-limited', retryAfterSeconds }
      }
      const confirmToken = newToken()
      await stores.subscribers.requestSubscription({
        email: request.email,
        emailKey: mailboxKey(request.email),
        newUnsubscribeToken: newToken(),
        confirmToken,
        confirmTokenHash: await hashToken(confirmToken),
        companies: request.companies ?? null,
        expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS).toISOString(),
        now: iso,
        mailLimit: { window: dayWindow(now), max: CONFIRMATIONS_PER_MAILBOX_PER_DAY },
      })
      return { kind: 'accepted' }
    },

    async confirmLinkState(token) {
      const hash = await hashToken(token)
      if (await stores.subscribers.isConfirmationUsable(hash, clock().toISOString()))
        return 'usable'
      return (await stores.subscribers.isConfirmedBy(hash)) ? 'already-subscribed' : 'invalid-link'
    },

    async confirm(token) {
      const hash = await hashToken(token)
      // The store writes nothing unless the token verifies, the alerts seen included.
      if (await stores.subscribers.confirm(hash, clock().toISOString(), alertIds)) {
        return { kind: 'done' }
      }
      return (await stores.subscribers.isConfirmedBy(hash))
        ? { kind: 'already-subscribed' }
        : { kind: 'invalid-link' }
    },

    canUnsubscribe: (token) => stores.subscribers.hasUnsubscribeToken(token),

    async unsubscribe(token) {
      return done(await stores.subscribers.unsubscribe(token, clock().toISOString()))
    },
  }
}
