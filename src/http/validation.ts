import type { Context, MiddlewareHandler } from 'hono'
import type { $ZodError } from 'zod/v4/core'
import { clientError } from './errors'

/** zod's first problem as "field: message", the form every 400 answer uses. */
export function zodProblem(error: $ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid request'
  if (issue.code === 'invalid_type' && issue.path.length === 0)
    return 'the body must be a JSON object'
  const path = issue.path.join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}

/** The top-level field of zod's first problem, e.g. `email`; '' for the body as a whole. */
export function problemField(error: $ZodError): string {
  return String(error.issues[0]?.path[0] ?? '')
}

/** Turns a failed validation into an answer. */
export type InvalidAnswer = (c: Context, error: $ZodError) => Response | Promise<Response>

/** The default answer: 400 naming the field and the problem (JSON under /api, a page elsewhere). */
export const answerBadRequest: InvalidAnswer = (c, error) => clientError(c, 400, zodProblem(error))

/**
 * The one zod hook every route validates through (`zValidator(target, schema, onInvalid())`):
 * the data reaches the handler as `c.req.valid(target)`, a failure becomes `answer`.
 */
export function onInvalid(answer: InvalidAnswer = answerBadRequest) {
  return (result: { success: boolean; error?: $ZodError }, c: Context) => {
    if (!result.success && result.error) return answer(c, result.error)
  }
}

/**
 * JSON endpoints take only `application/json`: a cross-site page can send `text/plain` or a
 * form without a CORS preflight, never `application/json`. Answers 415 otherwise, and 400 for
 * a body that is not JSON; the parsed body is cached for the validator that follows.
 */
export function requireJson(example: string): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json') {
      return clientError(c, 415, 'the body must be sent as Content-Type: application/json')
    }
    try {
      await c.req.json()
    } catch {
      return clientError(c, 400, `the body must be JSON: ${example}`)
    }
    await next()
  }
}
