import { Hono } from 'hono'
import type { RouteDeps } from '../app-context'
import type { Alert } from '../core/alert-schema'
import type { Catalog, Company } from '../core/catalog'
import { sendCached } from '../http/cached-page'
import { notFound } from '../http/errors'

const JSON_TYPE = 'application/json; charset=UTF-8'
const API_CACHE = 'public, max-age=60'

/** An alert as the API publishes it: the record, its page URL and the company's contacts. */
export function alertJson(alert: Alert, catalog: Catalog, publicUrl: string) {
  const company = catalog.companies.get(alert.company.slug)
  return {
    ...alert,
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
    .get('/alerts', async (c) => {
      const body = await cache.get('api:alerts', () =>
        JSON.stringify({ alerts: catalog.alerts.map((a) => alertJson(a, catalog, publicUrl)) }),
      )
      return sendCached(c, body, JSON_TYPE, API_CACHE)
    })
    .get('/alerts/:id', async (c) => {
      const alert = catalog.alertsById.get(c.req.param('id'))
      if (!alert) return notFound(c, `no alert with id "${c.req.param('id')}"`)
      const body = await cache.get(`api:alert:${alert.id}`, () =>
        JSON.stringify(alertJson(alert, catalog, publicUrl)),
      )
      return sendCached(c, body, JSON_TYPE, API_CACHE)
    })
    .get('/companies', async (c) => {
      const body = await cache.get('api:companies', () =>
        JSON.stringify({
          companies: [...catalog.companies.values()].map((company) =>
            companyJson(company, publicUrl),
          ),
        }),
      )
      return sendCached(c, body, JSON_TYPE, API_CACHE)
    })
    .get('/companies/:slug', async (c) => {
      const company = catalog.companies.get(c.req.param('slug'))
      if (!company) return notFound(c, `no company with slug "${c.req.param('slug')}"`)
      const body = await cache.get(`api:company:${company.slug}`, () =>
        JSON.stringify(companyJson(company, publicUrl)),
      )
      return sendCached(c, body, JSON_TYPE, API_CACHE)
    })
}
