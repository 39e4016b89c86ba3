import { Hono } from 'hono'
import { AlertPage } from '../../templates/alert-page'
import { CompaniesPage } from '../../templates/companies-page'
import { CompanyPage } from '../../templates/company-page'
import { HomePage } from '../../templates/home-page'
import type { RouteDeps } from '../app-context'
import { POLICIES, serveCached } from '../http/cached-page'
import { notFound, renderHtml } from '../http/errors'
import { slugParam } from '../http/params'

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
      const id = slugParam(c, 'id')
      const alert = id ? catalog.alertsById.get(id) : undefined
      const company = alert && catalog.companies.get(alert.company.slug)
      if (!alert || !company) {
        return notFound(c, `Det finns ingen varning med id "${c.req.param('id')}".`)
      }
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
      const slug = slugParam(c, 'slug')
      const company = slug ? catalog.companies.get(slug) : undefined
      if (!company) {
        return notFound(c, `Det finns inget företag med namnet "${c.req.param('slug')}" här.`)
      }
      return serveCached(
        c,
        cache,
        `page:company:${slug}`,
        () => renderHtml(<CompanyPage company={company} publicUrl={publicUrl} />),
        POLICIES.page,
      )
    })
}
