import { zValidator } from '@hono/zod-validator'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import {
  AlreadySubscribedPage,
  ConfirmedPage,
  ConfirmPage,
  SubscribeReceivedPage,
  UnsubscribedPage,
  UnsubscribePage,
} from '../../templates/subscription-pages'
import type { RouteDeps } from '../app-context'
import { subscribeFormSchema, subscribeJsonSchema } from '../core/subscriptions/subscribe-request'
import { clientError, renderHtml, unavailable, wantsJson } from '../http/errors'
import { unknownClient } from '../http/request-limit'
import { sameOriginForms } from '../http/same-origin'
import { NO_STORE_HEADERS } from '../http/security-headers'
import { type InvalidAnswer, onInvalid, problemField, requireJson } from '../http/validation'
import { TOKEN_PATTERN } from '../security/tokens'
import type { SubscribeResult } from '../subscriptions/subscription-service'

const Token = z.string({ error: 'is required' }).regex(TOKEN_PATTERN, 'is not a valid token')
const TokenQuery = z.object({ token: Token })

function invalidLink(c: Context) {
  return clientError(
    c,
    400,
    'Länken är ogiltig, har gått ut eller har redan använts. Prenumerera igen för att få en ny länk.',
    'Länken fungerar inte',
  )
}

/** A confirmation link opened again after it worked: not an error. */
async function alreadySubscribed(c: Context) {
  return c.html(await renderHtml(<AlreadySubscribedPage />), 200, NO_STORE_HEADERS)
}

/** Whoever opens this wants fewer mails: never suggest subscribing again. */
function invalidUnsubscribeLink(c: Context) {
  return clientError(
    c,
    400,
    'Länken för att avsluta fungerar inte. Kontrollera att du fick med hela länken från mejlet; den är lång. Varje mejl vi skickar har en egen länk längst ned för att avsluta.',
    'Länken fungerar inte',
  )
}

/** The form's problems in Swedish, chosen by the field zod names, never by its wording. */
const formProblem: InvalidAnswer = (c, error) =>
  clientError(
    c,
    400,
    problemField(error) === 'companies'
      ? 'Företaget du valde finns inte längre här. Ladda om sidan och försök igen.'
      : 'Ange en enda giltig e-postadress, utan kommatecken, semikolon, mellanslag eller namn inom <>.',
    'Kunde inte prenumerera',
  )

/** Subscriptions cannot work right now; /healthz says why. */
function subscriptionsUnavailable(c: Context) {
  return unavailable(
    c,
    wantsJson(c)
      ? 'subscriptions are unavailable right now; try again later'
      : 'Prenumerationer är tillfälligt avstängda. Försök igen om en stund.',
    'Tillfälligt avstängt',
  )
}

/** The answer to a request the service did not accept. */
function refused(c: Context, result: Exclude<SubscribeResult, { kind: 'accepted' }>) {
  return result.kind === 'unknown-client' ? unknownClient(c) : tooManyRequests(c, result)
}

function tooManyRequests(c: Context, result: Extract<SubscribeResult, { kind: 'rate-limited' }>) {
  c.header('Retry-After', String(result.retryAfterSeconds))
  return clientError(
    c,
    429,
    c.req.path.startsWith('/api/')
      ? 'too many requests; try again later'
      : 'För många försök. Vänta en stund och försök igen.',
    'För många försök',
  )
}

/**
 * Double opt-in subscriptions and one-click unsubscribe (RFC 8058). The flow itself is the
 * subscription service; these routes validate, call it and turn its result into an answer.
 * Every answer to a valid subscription request is the same, whatever the address's state.
 */
export function subscriptionRoutes(deps: RouteDeps) {
  const { catalog, subscriptions, publicUrl } = deps
  const { service, clientIp, mailQueued } = subscriptions
  /** Answers 503 before anything else when the action cannot work now. */
  const available =
    (action: 'subscribe' | 'link'): MiddlewareHandler =>
    async (c, next) =>
      (await subscriptions.unavailable(action)) ? subscriptionsUnavailable(c) : next()
  const subscribing = available('subscribe')
  const links = available('link')
  const limit = bodyLimit({
    maxSize: 16 * 1024,
    onError: (c) => clientError(c, 413, 'the body is too large'),
  })
  const forms = sameOriginForms(publicUrl)
  const invalidToken = onInvalid(invalidLink)
  const invalidUnsubscribeToken = onInvalid(invalidUnsubscribeLink)

  return (
    new Hono()
      .post(
        '/subscribe',
        forms,
        subscribing,
        limit,
        zValidator('form', subscribeFormSchema(catalog), onInvalid(formProblem)),
        async (c) => {
          const result = await service.subscribe(c.req.valid('form'), clientIp(c))
          if (result.kind !== 'accepted') return refused(c, result)
          mailQueued(c)
          return c.html(await renderHtml(<SubscribeReceivedPage />), 200, NO_STORE_HEADERS)
        },
      )
      .post(
        '/api/subscriptions',
        subscribing,
        limit,
        requireJson('{"email": "...", "companies": ["slug"]}'),
        zValidator('json', subscribeJsonSchema(catalog), onInvalid()),
        async (c) => {
          const result = await service.subscribe(c.req.valid('json'), clientIp(c))
          if (result.kind !== 'accepted') return refused(c, result)
          mailQueued(c)
          return c.json(
            {
              status: 'pending',
              message: 'If the address can receive mail, a confirmation link is on its way.',
            },
            202,
            NO_STORE_HEADERS,
          )
        },
      )
      .get('/confirm', links, zValidator('query', TokenQuery, invalidToken), async (c) => {
        const { token } = c.req.valid('query')
        const state = await service.confirmLinkState(token)
        if (state === 'already-subscribed') return alreadySubscribed(c)
        if (state === 'invalid-link') return invalidLink(c)
        return c.html(await renderHtml(<ConfirmPage token={token} />), 200, NO_STORE_HEADERS)
      })
      .post(
        '/confirm',
        forms,
        links,
        limit,
        zValidator('form', TokenQuery, invalidToken),
        async (c) => {
          const result = await service.confirm(c.req.valid('form').token)
          if (result.kind === 'already-subscribed') return alreadySubscribed(c)
          if (result.kind === 'invalid-link') return invalidLink(c)
          return c.html(await renderHtml(<ConfirmedPage />), 200, NO_STORE_HEADERS)
        },
      )
      .get(
        '/unsubscribe',
        links,
        zValidator('query', TokenQuery, invalidUnsubscribeToken),
        async (c) => {
          const { token } = c.req.valid('query')
          if (!(await service.canUnsubscribe(token))) return invalidUnsubscribeLink(c)
          return c.html(await renderHtml(<UnsubscribePage token={token} />), 200, NO_STORE_HEADERS)
        },
      )
      // RFC 8058 one-click: a bare POST with no cookie, Origin or CSRF token must work, so this
      // route has no CSRF check; the unguessable token in the URL is the authorization.
      .post(
        '/unsubscribe',
        links,
        limit,
        zValidator('query', TokenQuery, invalidUnsubscribeToken),
        async (c) => {
          const result = await service.unsubscribe(c.req.valid('query').token)
          if (result.kind === 'invalid-link') return invalidUnsubscribeLink(c)
          return c.html(await renderHtml(<UnsubscribedPage />), 200, NO_STORE_HEADERS)
        },
      )
  )
}
