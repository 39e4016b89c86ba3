import { type Context, Hono } from 'hono'
import { AlertPage } from '../../templates/alert-page'
import { CompaniesPage, sortCompanies } from '../../templates/companies-page'
import { CompanyPage } from '../../templates/company-page'
import { CHANNEL_LABELS } from '../../templates/format'
import { FilterErrorPage, HomePage } from '../../templates/home-page'
import type { RouteDeps } from '../app-context'
import {
  type AlertFilter,
  alertLister,
  type ListQueryResult,
  listSearch,
  PAGE_SIZE,
  pageOf,
  parseListQuery,
} from '../core/browse'
import { lazy } from '../core/lazy'
import { POLICIES, serveCached } from '../http/cached-page'
import { notFound, renderHtml } from '../http/errors'
import { slugParam } from '../http/params'
import { NO_STORE_HEADERS } from '../http/security-headers'

type ListQueryProblem = Extract<ListQueryResult, { ok: false }>

/** A query value as it may appear in a message: short, whatever was sent. */
const quoted = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`

/** Why a filter URL cannot be read, in words a reader can act on. */
function filterProblemText({ field, problem, value }: ListQueryProblem): string {
  if (problem === 'repeated') {
    const what = { channel: 'en kanal', company: 'ett företag', page: 'ett sidnummer' }[field]
    return `Adressen anger mer än ${what}. Välj bara ${what}.`
  }
  if (field === 'channel') {
    const names = Object.values(CHANNEL_LABELS).join(', ').toLocaleLowerCase('sv')
    return `Kanalen ${quoted(value)} finns inte. Välj en av dessa: ${names}.`
  }
  if (field === 'company') return `Det finns inget företag med id ${quoted(value)} här.`
  return `Sidnumret ${quoted(value)} går inte att läsa. Ange ett heltal från 1 och uppåt.`
}

/** Pages for people: the list of warnings with filters, one page per alert and per company. */
export function pageRoutes({ catalog, publicUrl, cache }: RouteDeps) {
  const companies = lazy(() => sortCompanies(catalog.companies.values()))
  const companyChoices = lazy(() => companies().map(({ slug, name }) => ({ slug, name })))
  const listFor = lazy(() => alertLister(catalog))

  async function filterError(c: Context, problem: ListQueryProblem) {
    const page = (
      <FilterErrorPage message={filterProblemText(problem)} companies={companyChoices()} />
    )
    return c.html(await renderHtml(page), 400, NO_STORE_HEADERS)
  }

  /** A list page that exists: its cache key and how to render it. */
  interface ListView {
    key: string
    render: () => Promise<string>
  }
  // By canonical query string; holds only lists that exist, so it is bounded like the cache.
  const views = new Map<string, ListView>()

  function viewOf(filter: AlertFilter, page: number): ListView | number {
    const search = listSearch(filter, page)
    const known = views.get(search)
    if (known) return known
    const alerts = listFor()(filter)
    const pageCount = Math.max(1, Math.ceil(alerts.length / PAGE_SIZE))
    if (page > pageCount) return pageCount
    const company = filter.company ? catalog.companies.get(filter.company) : undefined
    const view = {
      key: `page:/${search}`,
      render: () =>
        renderHtml(
          <HomePage
            list={pageOf(alerts, page)!}
            filter={filter}
            companies={companyChoices()}
            company={company}
            canonical={`${publicUrl}/${search}`}
          />,
        ),
    }
    views.set(search, view)
    return view
  }

  /** One page of the list; every spelling of the same filter shares one cached page. */
  function serveList(c: Context, filter: AlertFilter, page: number) {
    const view = viewOf(filter, page)
    if (typeof view === 'number') {
      return notFound(
        c,
        `Sidan ${page} finns inte: listan har ${view === 1 ? 'bara en sida' : `${view} sidor`}.`,
      )
    }
    return serveCached(c, cache, view.key, view.render, POLICIES.page)
  }

  return new Hono()
    .get('/', (c) => {
      const url = c.req.url
      const at = url.indexOf('?')
      // Most requests use a list's canonical URL, the home page above all: no parsing then.
      const known = views.get(at < 0 ? '' : url.slice(at))
      if (known) return serveCached(c, cache, known.key, known.render, POLICIES.page)
      const query = parseListQuery(c.req.queries(), (slug) => catalog.companies.has(slug))
      return query.ok ? serveList(c, query.filter, query.page) : filterError(c, query)
    })
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
        () => renderHtml(<CompaniesPage companies={companies()} publicUrl={publicUrl} />),
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
