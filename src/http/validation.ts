import type { Context } from 'hono'
import type { z } from 'zod'

/** zod's first problem as "field: message", the form every 400 answer uses. */
export function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid request'
  if (issue.code === 'invalid_type' && issue.path.length === 0)
    return 'the body must be a JSON object'
  const path = issue.path.join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}

/** The request body parsed as JSON, or undefined when it is not JSON (the caller answers 400). */
export async function readJson(c: Context): Promise<{ value: unknown } | undefined> {
  try {
    return { value: JSON.parse(await c.req.text()) }
  } catch {
    return undefined
  }
}
