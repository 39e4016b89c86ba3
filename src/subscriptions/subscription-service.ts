import type { Catalog } from '../core/catalog'
import { inboxKey, mailboxKey } from '../core/subscriptions/mailbox'
import type { SubscribeRequest } from '../core/subscriptions/subscribe-request'
import { clientKey } from '../rate-limit/client-key'
import { type RatePolicy, retryAfterSeconds } from '../rate-limit/gcra'
import { hashToken, newToken } from '../security/tokens'
import type { SubscriptionStores } from '../store/sql-stores'

/** Subscription requests per client (an IPv4 address or an IPv6 /64): 20 at once, then 20 an hour. */
export const SUBSCRIBE_LIMIT: RatePolicy = { limit: 20, periodMs: 3600_000 }
/**
 * Confirmation mails per inbox, whatever the spelling of its address (case, a "+tag", Gmail's
 * dots): 3 at once, then 3 a day.
 */
export const CONFIRMATION_LIMIT: RatePolicy = { limit: 3, periodMs: 86_400_000 }
export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000

/**
 * `accepted` for every valid request, whatever the address's state, so nothing reveals who
 * subscribes; `rate-limited` when the client has used up its requests; `unknown-client` when
 * the platform did not say who the client is, which is refused rather than counted in one
 * bucket shared by everyone whose address is missing.
 */
export type SubscribeResult =
  | { kind: 'accepted' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'unknown-client' }

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
  subscribe(request: SubscribeRequest, clientAddress: string | null): Promise<SubscribeResult>
  /** What a confirmation link does now (the GET page; changes nothing). */
  confirmLinkState(token: string): Promise<ConfirmLinkState>
  confirm(token: string): Promise<ConfirmResult>
  canUnsubscribe(token: string): Promise<boolean>
  unsubscribe(token: string): Promise<TokenResult>
}

export function createSubscriptionService(deps: SubscriptionServiceDeps): SubscriptionService {
  const { stores, catalog, clock } = deps
  // On use, not here: creating the service (in a Worker, inside its first request) decodes no catalog.
  const alertIds = () => catalog.alerts.map((a) => a.id)
  const done = (ok: boolean): TokenResult => (ok ? { kind: 'done' } : { kind: 'invalid-link' })
  return {
    async subscribe(request, clientAddress) {
      const client = clientAddress === null ? null : clientKey(clientAddress)
      if (client === null) return { kind: 'unknown-client' }
      const now = clock()
      const iso = now.toISOString()
      const hit = await stores.rateLimits.hit(`ip:${client}`, SUBSCRIBE_LIMIT, now.getTime())
      if (!hit.allowed) {
        return { kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(hit.retryAfterMs) }
      }
      const confirmToken = newToken()
      await stores.subscribers.requestSubscription({
        email: request.email,
        emailKey: mailboxKey(request.email),
        inboxKey: inboxKey(request.email),
        newUnsubscribeToken: newToken(),
        confirmToken,
        confirmTokenHash: await hashToken(confirmToken),
        companies: request.companies ?? null,
        expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS).toISOString(),
        now: iso,
        mailLimit: CONFIRMATION_LIMIT,
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
      if (await stores.subscribers.confirm(hash, clock().toISOString(), alertIds())) {
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
