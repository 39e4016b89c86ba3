import { Hono } from 'hono'
import { AlertPage } from '../../templates/alert-page'
import { CompaniesPage } from '../../templates/companies-page'
import { CompanyPage } from '../../templates/company-page'
import { HomePage } from '../../templates/home-page'
import type { RouteDeps } from '../app-context'
import { POLICIES, serveCached } from '../http/cached-page'
import { notFound, renderHtml } from '../http/errors'

/** Pages for people: the list, one page per alert and one per company. */
export function pageRoutes({ catalog, publicUrl, cache }: RouteDeps) {
  const companies = [...catalog.companies.values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'sv'),
  )
  return new Hono()
    .get('/', (c) =>
      serveCached(
        c,
        cache,
        'page:/',
        () => renderHtml(<HomePage alerts={catalog.alerts} publicUrl={publicUrl} />),
        POLICIES.page,
      ),
    )
    .get('/alerts/:id', (c) => {
      const id = c.req.param('id')
      const alert = catalog.alertsById.get(id)
      const company = alert && catalog.companies.get(alert.company.slug)
      if (!alert || !company) return notFound(c, `Det finns ingen varning med id "${id}".`)
      return serveCached(
        c,
        cache,
        `page:alert:${id}`,
        () => renderHtml(<AlertPage alert={alert} company={company} publicUrl={publicUrl} />),
        POLICIES.page,
      )
    })
    .get('/companies', (c) =>
      serveCached(
        c,
        cache,
        'page:/companies',
        () => renderHtml(<CompaniesPage companies={companies} publicUrl={publicUrl} />),
        POLICIES.page,
      ),
    )
    .get('/companies/:slug', (c) => {
      const slug = c.req.param('slug')
      const company = catalog.companies.get(slug)
      if (!company) return notFound(c, `Det finns inget företag med namnet "${slug}" här.`)
      return serveCached(
        c,
        cache,
        `page:company:${slug}`,
        () => renderHtml(<CompanyPage company={company} publicUrl={publicUrl} />),
        POLICIES.page,
      )
    })
}
