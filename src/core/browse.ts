import { z } from 'zod'
import { type Alert, CHANNELS, type Channel, SlugSchema } from './alert-schema'
import type { Catalog } from './catalog'

/** Warnings per page in every list. */
export const PAGE_SIZE = 20

/** What a reader narrowed the list of warnings to. */
export interface AlertFilter {
  channel?: Channel
  company?: string
}

/** One page of a filtered list; `first` and `last` count from 1, as a reader does. */
export interface AlertListPage {
  alerts: readonly Alert[]
  page: number
  pageCount: number
  total: number
  first: number
  last: number
}

// A GET form sends every field, empty when the reader chose "all"; people who type a URL may
// write SMS or Jem-Fix, which mean the same list.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    schema.optional(),
  )

const ListQuerySchema = z.object({
  channel: optional(z.enum(CHANNELS)),
  company: optional(SlugSchema),
  page: optional(
    z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .refine((page) => page >= 1),
  ),
})

export type ListQueryField = keyof z.infer<typeof ListQuerySchema>

export type ListQueryResult =
  | { ok: true; filter: AlertFilter; page: number }
  | { ok: false; field: ListQueryField; problem: 'repeated' | 'invalid' | 'unknown'; value: string }

const FIELDS: readonly ListQueryField[] = ['channel', 'company', 'page']

/**
 * Reads ?channel=&company=&page= as the list's filter. Other parameters are ignored (they
 * do not change the list); a repeated, malformed or unknown value is refused, naming it.
 */
export function parseListQuery(
  queries: Readonly<Record<string, readonly string[]>>,
  companyExists: (slug: string) => boolean,
): ListQueryResult {
  const single: Record<string, string> = {}
  for (const field of FIELDS) {
    const values = queries[field]
    if (!values || values.length === 0) continue
    if (values.length > 1) return { ok: false, field, problem: 'repeated', value: values[0]! }
    single[field] = values[0]!
  }
  const parsed = ListQuerySchema.safeParse(single)
  if (!parsed.success) {
    const field = (parsed.error.issues[0]?.path[0] ?? 'page') as ListQueryField
    return { ok: false, field, problem: 'invalid', value: single[field] ?? '' }
  }
  const { channel, company, page } = parsed.data
  if (company && !companyExists(company)) {
    return { ok: false, field: 'company', problem: 'unknown', value: company }
  }
  return {
    ok: true,
    filter: { ...(channel ? { channel } : {}), ...(company ? { company } : {}) },
    page: page ?? 1,
  }
}

/** The one spelling of a list's query string: fixed order, page 1 and empty values left out. */
export function listSearch(filter: AlertFilter, page = 1): string {
  const params = new URLSearchParams()
  if (filter.channel) params.set('channel', filter.channel)
  if (filter.company) params.set('company', filter.company)
  if (page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `?${search}` : ''
}

/**
 * The warnings that match a filter, newest first, without scanning the whole catalog per
 * request: lists by channel are built once, and a company's list is short.
 */
export function alertLister(catalog: Catalog): (filter: AlertFilter) => readonly Alert[] {
  const byChannel = new Map<Channel, Alert[]>(CHANNELS.map((channel) => [channel, []]))
  for (const alert of catalog.alerts) {
    for (const channel of new Set(alert.channels)) byChannel.get(channel)!.push(alert)
  }
  return ({ channel, company }) => {
    if (company) {
      const alerts = catalog.companies.get(company)?.alerts ?? []
      return channel ? alerts.filter((alert) => alert.channels.includes(channel)) : alerts
    }
    return channel ? byChannel.get(channel)! : catalog.alerts
  }
}

/** Page `page` of a list; null past the last page. Page 1 always exists, even when empty. */
export function pageOf(
  alerts: readonly Alert[],
  page: number,
  size = PAGE_SIZE,
): AlertListPage | null {
  const pageCount = Math.max(1, Math.ceil(alerts.length / size))
  if (page < 1 || page > pageCount) return null
  const start = (page - 1) * size
  const slice = alerts.slice(start, start + size)
  return {
    alerts: slice,
    page,
    pageCount,
    total: alerts.length,
    first: slice.length > 0 ? start + 1 : 0,
    last: start + slice.length,
  }
}
