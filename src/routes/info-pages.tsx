import { Hono } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { sortCompanies } from '../../templates/companies-page'
import { GuidancePage } from '../../templates/guidance-page'
import { AboutPage, FeedsPage, PrivacyPage } from '../../templates/info-pages'
import { PATHS } from '../../templates/site'
import type { RouteDeps } from '../app-context'
import { POLICIES, serveCached } from '../http/cached-page'
import { renderHtml } from '../http/errors'

export interface InfoPageOptions {
  /** Where readers report an error in a record; the about page names it when set. */
  contactEmail?: string | undefined
}

/** The pages about the site: guidance after a scam, about, privacy and the feeds. */
export function infoPageRoutes(
  { catalog, publicUrl, cache }: RouteDeps,
  options: InfoPageOptions = {},
) {
  const pages: [path: string, page: () => JSX.Element][] = [
    [PATHS.guidance, () => <GuidancePage publicUrl={publicUrl} />],
    [PATHS.about, () => <AboutPage publicUrl={publicUrl} contactEmail={options.contactEmail} />],
    [PATHS.privacy, () => <PrivacyPage publicUrl={publicUrl} />],
    [
      PATHS.feeds,
      () => (
        <FeedsPage publicUrl={publicUrl} companies={sortCompanies(catalog.companies.values())} />
      ),
    ],
  ]
  const app = new Hono()
  for (const [path, page] of pages) {
    const render = () => renderHtml(page())
    app.get(path, (c) => serveCached(c, cache, `page:${path}`, render, POLICIES.page))
  }
  return app
}
