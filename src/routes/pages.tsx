import { Hono } from 'hono'
import { AlertPage } from '../../templates/alert-page'
import { CompaniesPage } from '../../templates/companies-page'
import { CompanyPage } from '../../templates/company-page'
import { HomePage } from '../../templates/home-page'
import type { RouteDeps } from '../app-context'
import { sendCached } from '../http/cached-page'
import { notFound, renderHtml } from '../http/errors'

const HTML = 'text/html; charset=UTF-8'
const PAGE_CACHE = 'public, max-age=300'

/** Pages for people: the list, one page per alert and one per company. */
export function pageRoutes({ catalog, publicUrl, cache }: RouteDeps) {
  const companies = [...catalog.companies.values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'sv'),
  )
  return new Hono()
    .get('/', async (c) => {
      const body = await cache.get('page:/', () =>
        renderHtml(<HomePage alerts={catalog.alerts} publicUrl={publicUrl} />),
      )
      return sendCached(c, body, HTML, PAGE_CACHE)
    })
    .get('/alerts/:id', async (c) => {
      const id = c.req.param('id')
      const alert = catalog.alertsById.get(id)
      const company = alert && catalog.companies.get(alert.company.slug)
      if (!alert || !company) return notFound(c, `Det finns ingen varning med id "${id}".`)
      const body = await cache.get(`page:alert:${id}`, () =>
        renderHtml(<AlertPage alert={alert} company={company} publicUrl={publicUrl} />),
      )
      return sendCached(c, body, HTML, PAGE_CACHE)
    })
    .get('/companies', async (c) => {
      const body = await cache.get('page:/companies', () =>
        renderHtml(<CompaniesPage companies={companies} publicUrl={publicUrl} />),
      )
      return sendCached(c, body, HTML, PAGE_CACHE)
    })
    .get('/companies/:slug', async (c) => {
      const slug = c.req.param('slug')
      const company = catalog.companies.get(slug)
      if (!company) return notFound(c, `Det finns inget företag med namnet "${slug}" här.`)
      const body = await cache.get(`page:company:${slug}`, () =>
        renderHtml(<CompanyPage company={company} publicUrl={publicUrl} />),
      )
      return sendCached(c, body, HTML, PAGE_CACHE)
    })
}
