import { type Context, Hono } from 'hono'
import type { RouteDeps } from '../app-context'
import type { Alert } from '../core/alert-schema'
import type { Catalog, Company } from '../core/catalog'
import { type CachePolicy, POLICIES, serveCached } from '../http/cached-page'
import { notFound } from '../http/errors'
import { slugParam } from '../http/params'

/** Read-only public data: any site or browser extension may read it (no cookies are involved). */
export const PUBLIC_READ_HEADERS = { 'Access-Control-Allow-Origin': '*' } as const

const API_POLICY: CachePolicy = { ...POLICIES.json, headers: PUBLIC_READ_HEADERS }

/** A 404 that other sites can read too, so a client can tell "unknown" from "blocked". */
async function apiNotFound(c: Context, message: string): Promise<Response> {
  const res = await notFound(c, message)
  res.headers.set('Access-Control-Allow-Origin', '*')
  return res
}

/**
 * An alert as the API publishes it: the record, its page URL and the company's contacts.
 * The editors' working fields (provenance, review) stay in the repository.
 */
export function alertJson(alert: Alert, catalog: Catalog, publicUrl: string) {
  const company = catalog.companies.get(alert.company.slug)
  const { provenance: _provenance, review: _review, ...record } = alert
  return {
    ...record,
    url: `${publicUrl}/alerts/${alert.id}`,
    official: company?.official ?? alert.official,
    company: { ...alert.company, url: `${publicUrl}/companies/${alert.company.slug}` },
  }
}

function companyJson(company: Company, publicUrl: string) {
  return {
    slug: company.slug,
    name: company.name,
    aliases: company.aliases,
    url: `${publicUrl}/companies/${company.slug}`,
    official: company.official,
    alerts: company.alerts.map((alert) => ({
      id: alert.id,
      title: alert.title,
      published: alert.published,
      url: `${publicUrl}/alerts/${alert.id}`,
    })),
  }
}

/** Read-only JSON for alerts and companies; same data as the pages. */
export function apiAlertRoutes({ catalog, publicUrl, cache }: RouteDeps) {
  return new Hono()
    .get('/alerts', (c) => {
      const render = () =>
        JSON.stringify({ alerts: catalog.alerts.map((a) => alertJson(a, catalog, publicUrl)) })
      return serveCached(c, cache, 'api:alerts', render, API_POLICY)
    })
    .get('/alerts/:id', (c) => {
      const id = slugParam(c, 'id')
      const alert = id ? catalog.alertsById.get(id) : undefined
      if (!alert) return apiNotFound(c, `no alert with id "${c.req.param('id')}"`)
      const render = () => JSON.stringify(alertJson(alert, catalog, publicUrl))
      return serveCached(c, cache, `api:alert:${alert.id}`, render, API_POLICY)
    })
    .get('/companies', (c) => {
      const render = () =>
        JSON.stringify({
          companies: [...catalog.companies.values()].map((company) =>
            companyJson(company, publicUrl),
          ),
        })
      return serveCached(c, cache, 'api:companies', render, API_POLICY)
    })
    .get('/companies/:slug', (c) => {
      const slug = slugParam(c, 'slug')
      const company = slug ? catalog.companies.get(slug) : undefined
      if (!company) return apiNotFound(c, `no company with slug "${c.req.param('slug')}"`)
      const render = () => JSON.stringify(companyJson(company, publicUrl))
      return serveCached(c, cache, `api:company:${company.slug}`, render, API_POLICY)
    })
}
