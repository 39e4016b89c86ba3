import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { CheckPage, SENDER_MAX, TEXT_MAX } from '../../templates/check-page'
import type { RouteDeps } from '../app-context'
import { type ContactIndex, checkMessage } from '../core/check'
import { POLICIES, serveCached } from '../http/cached-page'
import { clientError, renderHtml } from '../http/errors'
import { sameOriginForms } from '../http/same-origin'
import { NO_STORE_HEADERS } from '../http/security-headers'
import { onInvalid, requireJson } from '../http/validation'

/** Bytes accepted for a check: 10,000 characters of UTF-8 plus JSON escaping, with room to spare. */
export const CHECK_BODY_LIMIT = 64 * 1024

function requiredString(issue: { input?: unknown }): string {
  return issue.input === undefined ? 'is required' : 'must be a string'
}

export const CheckRequestSchema = z.object({
  text: z
    .string({ error: requiredString })
    .trim()
    .min(1, 'must not be empty')
    .max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`),
  sender: z
    .string({ error: requiredString })
    .max(SENDER_MAX, `must be at most ${SENDER_MAX} characters`)
    .optional(),
})

/**
 * The checker: GET/POST /check for people (works without JavaScript) and POST /api/check.
 * Pasted text is only held for the request: never stored, logged or cached.
 */
export function checkRoutes({ catalog, publicUrl, cache }: RouteDeps, index: ContactIndex) {
  const limit = bodyLimit({
    maxSize: CHECK_BODY_LIMIT,
    onError: (c) =>
      clientError(
        c,
        413,
        `the body is larger than ${CHECK_BODY_LIMIT} bytes`,
        'Meddelandet är för långt',
      ),
  })
  // Through the shared zod hook; 415 unless the body is application/json (see requireJson).
  const jsonOnly = requireJson('{"text": "...", "sender": "..."}')
  const validCheck = zValidator('json', CheckRequestSchema, onInvalid())
  return new Hono()
    .get('/check', (c) =>
      serveCached(c, cache, 'page:/check', () => renderHtml(<CheckPage />), POLICIES.page),
    )
    .post('/check', sameOriginForms(publicUrl), limit, async (c) => {
      const form = await c.req.parseBody().catch(() => null)
      const fields = {
        text: typeof form?.text === 'string' ? form.text : undefined,
        sender:
          typeof form?.sender === 'string' && form.sender.trim() !== '' ? form.sender : undefined,
      }
      const parsed = CheckRequestSchema.safeParse(fields)
      if (!parsed.success) {
        const message =
          parsed.error.issues[0]?.path[0] === 'sender'
            ? `Avsändaren får vara högst ${SENDER_MAX} tecken.`
            : fields.text && fields.text.trim().length > TEXT_MAX
              ? `Meddelandet får vara högst ${TEXT_MAX} tecken.`
              : 'Klistra in meddelandet du vill kolla.'
        const page = (
          <CheckPage text={fields.text ?? ''} sender={fields.sender ?? ''} error={message} />
        )
        return c.html(await renderHtml(page), 400, NO_STORE_HEADERS)
      }
      const result = checkMessage(index, parsed.data)
      const company = result.company ? catalog.companies.get(result.company.slug) : undefined
      const page = (
        <CheckPage
          text={parsed.data.text}
          sender={parsed.data.sender ?? ''}
          result={result}
          company={company}
          names={(slug) => catalog.companies.get(slug)?.name ?? slug}
        />
      )
      return c.html(await renderHtml(page), 200, NO_STORE_HEADERS)
    })
    .post('/api/check', limit, jsonOnly, validCheck, async (c) => {
      const result = checkMessage(index, c.req.valid('json'))
      return c.json(
        {
          ...result,
          alerts: result.alerts.map((a) => ({ ...a, url: `${publicUrl}/alerts/${a.id}` })),
        },
        200,
        NO_STORE_HEADERS,
      )
    })
}
