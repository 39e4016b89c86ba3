import { zValidator } from '@hono/zod-validator'
import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { type SearchExamples, type SearchMatch, SearchPage } from '../../templates/search-page'
import type { RouteDeps } from '../app-context'
import type { Catalog } from '../core/catalog'
import { type CompanyNames, type ContactIndex, presentFinding } from '../core/check'
import { lazy } from '../core/lazy'
import { buildLookupIndex, type Lookup, lookup, lookupAnswer, QUERY_MAX } from '../core/lookup'
import { POLICIES, serveCached } from '../http/cached-page'
import { renderHtml } from '../http/errors'
import { NO_STORE_HEADERS } from '../http/security-headers'
import { type InvalidAnswer, onInvalid } from '../http/validation'
import { PUBLIC_READ_HEADERS } from './api-alerts'

const query = z.string({
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be given once'),
})
const TOO_LONG = `must be at most ${QUERY_MAX} characters`

/** GET /api/lookup?q=: one query, 1–200 characters once trimmed. */
export const LookupQuerySchema = z.object({
  q: query.trim().min(1, 'must not be empty').max(QUERY_MAX, TOO_LONG),
})

/** GET /search?q=: no query (or a blank one) is the page that explains search. */
export const SearchQuerySchema = z.object({ q: query.trim().max(QUERY_MAX, TOO_LONG).optional() })

/** Any site or extension may read lookups, its errors and refusals included (no cookies are involved). */
const readableAnywhere: MiddlewareHandler = async (c, next) => {
  await next()
  for (const [name, value] of Object.entries(PUBLIC_READ_HEADERS)) c.res.headers.set(name, value)
}

const noLimit: MiddlewareHandler = (_c, next) => next()

/** A value of each kind from the records, to show what can be searched. */
export function searchExamples(catalog: Catalog): SearchExamples {
  const examples: SearchExamples = {}
  for (const company of catalog.companies.values()) {
    const { official } = company
    examples.phone ??= official.phones[0]?.display
    examples.address ??= official.emailDomains[0] ?? official.websites[0]
    examples.account ??= official.social[0]?.handle
    examples.company ??= company.name
  }
  return examples
}

/**
 * Search for people (GET /search, a GET form that works without JavaScript) and machines
 * (GET /api/lookup), with the checker's judgment (src/core/lookup). What is searched may be
 * personal (a number that called you), so it is never logged, answers are no-store, result
 * pages are noindex, and the per-client limit (`limit`, the checker's) sees only the client.
 */
export function searchRoutes(
  { catalog, publicUrl, cache }: RouteDeps,
  contacts: ContactIndex,
  limit: MiddlewareHandler = noLimit,
) {
  // Sorted names and examples on first use: building the app stays cheap at any catalog size.
  const index = lazy(() => buildLookupIndex(contacts))
  const names: CompanyNames = (slug) => catalog.companies.get(slug)?.name ?? slug
  const examples = lazy(() => searchExamples(catalog))
  const canonical = `${publicUrl}/search`
  const companyJson = (slug: string) => ({
    slug,
    name: names(slug),
    url: `${publicUrl}/companies/${slug}`,
  })

  function lookupJson(result: Lookup) {
    return {
      query: result.query,
      results: result.findings.map((finding) => ({
        answer: lookupAnswer(finding, names),
        finding: presentFinding(finding, names),
        company: finding.company ? companyJson(finding.company) : null,
      })),
      companies: result.companies.map(companyJson),
    }
  }

  function searchResult(result: Lookup) {
    const companyOf = (slug: string | null) => (slug ? catalog.companies.get(slug) : undefined)
    const matches: SearchMatch[] = result.findings.map((finding) => ({
      answer: lookupAnswer(finding, names),
      finding: presentFinding(finding, names),
      company: companyOf(finding.company) ?? null,
    }))
    return { matches, companies: result.companies.flatMap((slug) => companyOf(slug) ?? []) }
  }

  const explanation = () =>
    renderHtml(<SearchPage query="" examples={examples()} canonical={canonical} />)

  const pageProblem: InvalidAnswer = async (c, error) => {
    const tooLong = error.issues[0]?.code === 'too_big'
    const message = tooLong
      ? `Sökningen får vara högst ${QUERY_MAX} tecken. Sök på ett nummer, en adress eller ett namn, eller kolla ett helt meddelande i kontrollen.`
      : 'Sök på en sak i taget: adressen innehåller mer än en sökning.'
    const typed = tooLong ? (c.req.query('q') ?? '').slice(0, QUERY_MAX) : ''
    const page = <SearchPage query={typed} error={message} examples={examples()} />
    return c.html(await renderHtml(page), 400, NO_STORE_HEADERS)
  }

  return new Hono()
    .get(
      '/search',
      limit,
      zValidator('query', SearchQuerySchema, onInvalid(pageProblem)),
      async (c) => {
        const { q } = c.req.valid('query')
        if (q === undefined)
          return serveCached(c, cache, 'page:/search', explanation, POLICIES.page)
        if (q === '') return c.html(await explanation(), 200, NO_STORE_HEADERS)
        const page = (
          <SearchPage query={q} result={searchResult(lookup(index(), q))} examples={examples()} />
        )
        return c.html(await renderHtml(page), 200, NO_STORE_HEADERS)
      },
    )
    .get(
      '/api/lookup',
      readableAnywhere,
      limit,
      zValidator('query', LookupQuerySchema, onInvalid()),
      (c) => c.json(lookupJson(lookup(index(), c.req.valid('query').q)), 200, NO_STORE_HEADERS),
    )
}
