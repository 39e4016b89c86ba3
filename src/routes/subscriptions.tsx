import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
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
import { MailboxSchema } from '../core/subscriptions/mailbox'
import { clientError, renderHtml } from '../http/errors'
import { NO_STORE_HEADERS } from '../http/security-headers'
import { readJson, zodProblem } from '../http/validation'
import { confirmationMail } from '../mail/messages'
import { hashToken, newToken, TOKEN_PATTERN } from '../security/tokens'

/** Subscription requests one IP may make per hour. */
export const SUBSCRIBE_PER_IP_PER_HOUR = 20
/** Confirmation mails one address may receive per day. */
export const CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3
export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000

const SubscribeSchema = z.object({
  email: MailboxSchema,
  companies: z
    .array(z.string().max(80), { error: 'must be a list of company slugs' })
    .max(200)
    .optional(),
})

const TokenSchema = z.string({ error: 'is required' }).regex(TOKEN_PATTERN, 'is not a valid token')

/**
 * Double opt-in subscriptions and one-click unsubscribe (RFC 8058).
 * Every answer to a subscription request is the same, whatever the address's state.
 */
export function subscriptionRoutes(deps: RouteDeps) {
  const { catalog, subscriptions } = deps
  const { store, mailer, clock, clientIp, defer, logError } = subscriptions
  const limit = bodyLimit({
    maxSize: 16 * 1024,
    onError: (c) => clientError(c, 413, 'the body is too large'),
  })

  /** Validated address and choice in, the same outcome out for every address. */
  async function subscribe(
    c: Context,
    input: unknown,
  ): Promise<{ error: string } | { ok: true } | { limited: true }> {
    const now = clock()
    const iso = now.toISOString()
    if ((await store.hit(`ip:${clientIp(c)}`, iso.slice(0, 13))) > SUBSCRIBE_PER_IP_PER_HOUR)
      return { limited: true }
    const parsed = SubscribeSchema.safeParse(input)
    if (!parsed.success) return { error: zodProblem(parsed.error) }
    const { email } = parsed.data
    const companies = [...new Set(parsed.data.companies ?? [])]
    const unknown = companies.find((slug) => !catalog.companies.has(slug))
    if (unknown) return { error: `companies: no company with slug "${unknown}"` }

    const subscriber = await store.upsertPending(email, newToken(), iso)
    if ((await store.hit(`mail:${email}`, iso.slice(0, 10))) <= CONFIRMATIONS_PER_ADDRESS_PER_DAY) {
      const token = newToken()
      await store.addConfirmationToken(
        subscriber.id,
        await hashToken(token),
        companies,
        new Date(now.getTime() + CONFIRMATION_TTL_MS).toISOString(),
      )
      const names = companies.map((slug) => catalog.companies.get(slug)!.name)
      // Sent after the answer, so its timing reveals nothing about the address.
      defer(
        c,
        confirmationMail(
          { publicUrl: deps.publicUrl },
          email,
          token,
          subscriber.unsubscribeToken,
          names,
          now,
        )
          .then((message) => mailer.send(message))
          .catch(logError),
      )
    }
    return { ok: true }
  }

  const tokenOf = (value: unknown) => TokenSchema.safeParse(value)
  const alertIds = catalog.alerts.map((a) => a.id)

  return (
    new Hono()
      .post('/subscribe', csrf(), limit, async (c) => {
        const form = await c.req
          .parseBody({ all: true })
          .catch(() => ({}) as Record<string, unknown>)
        const companies =
          form.companies === undefined ? undefined : [form.companies].flat().map(String)
        const outcome = await subscribe(c, {
          email: typeof form.email === 'string' ? form.email.trim() : form.email,
          companies,
        })
        if ('limited' in outcome)
          return clientError(
            c,
            429,
            'För många försök. Vänta en stund och försök igen.',
            'För många försök',
          )
        if ('error' in outcome) {
          return clientError(
            c,
            400,
            outcome.error.startsWith('companies')
              ? 'Företaget du valde finns inte längre här. Ladda om sidan och försök igen.'
              : 'Ange en enda giltig e-postadress, utan kommatecken, semikolon, mellanslag eller namn inom <>.',
            'Kunde inte prenumerera',
          )
        }
        return c.html(await renderHtml(<SubscribeReceivedPage />), 200, NO_STORE_HEADERS)
      })
      .post('/api/subscriptions', limit, async (c) => {
        const body = await readJson(c)
        if (!body)
          return c.json(
            { error: 'the body must be JSON: {"email": "...", "companies": ["slug"]}' },
            400,
            NO_STORE_HEADERS,
          )
        const outcome = await subscribe(c, body.value)
        if ('limited' in outcome)
          return c.json({ error: 'too many requests; try again later' }, 429, NO_STORE_HEADERS)
        if ('error' in outcome) return c.json({ error: outcome.error }, 400, NO_STORE_HEADERS)
        return c.json(
          {
            status: 'pending',
            message: 'If the address can receive mail, a confirmation link is on its way.',
          },
          202,
          NO_STORE_HEADERS,
        )
      })
      .get('/confirm', async (c) => {
        const token = tokenOf(c.req.query('token'))
        if (!token.success) return invalidLink(c)
        const hash = await hashToken(token.data)
        if (!(await store.isConfirmationUsable(hash, clock().toISOString())))
          return (await store.isConfirmedBy(hash)) ? alreadySubscribed(c) : invalidLink(c)
        return c.html(await renderHtml(<ConfirmPage token={token.data} />), 200, NO_STORE_HEADERS)
      })
      .post('/confirm', csrf(), limit, async (c) => {
        const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
        const token = tokenOf(form.token)
        if (!token.success) return invalidLink(c)
        const now = clock().toISOString()
        // Every alert served before this confirmation counts as already seen by the subscriber.
        await store.registerAlerts(alertIds, now)
        const hash = await hashToken(token.data)
        if (!(await store.confirm(hash, now)))
          return (await store.isConfirmedBy(hash)) ? alreadySubscribed(c) : invalidLink(c)
        return c.html(await renderHtml(<ConfirmedPage />), 200, NO_STORE_HEADERS)
      })
      .get('/unsubscribe', async (c) => {
        const token = tokenOf(c.req.query('token'))
        if (!token.success || !(await store.hasUnsubscribeToken(token.data)))
          return invalidUnsubscribeLink(c)
        return c.html(
          await renderHtml(<UnsubscribePage token={token.data} />),
          200,
          NO_STORE_HEADERS,
        )
      })
      // RFC 8058 one-click: a bare POST with no cookie, Origin or CSRF token must work, so this
      // route has no csrf(); the unguessable token in the URL is the authorization.
      .post('/unsubscribe', limit, async (c) => {
        const token = tokenOf(c.req.query('token'))
        if (!token.success || !(await store.unsubscribe(token.data, clock().toISOString())))
          return invalidUnsubscribeLink(c)
        return c.html(await renderHtml(<UnsubscribedPage />), 200, NO_STORE_HEADERS)
      })
  )
}

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
