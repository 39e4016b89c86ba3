import type { Context } from 'hono'
import { SlugSchema } from '../core/alert-schema'

/** A path parameter that must be an alert id or company slug; null when it cannot be one. */
export function slugParam(c: Context, name: string): string | null {
  const parsed = SlugSchema.safeParse(c.req.param(name))
  return parsed.success ? parsed.data : null
}
