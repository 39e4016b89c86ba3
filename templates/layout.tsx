import type { Child } from 'hono/jsx'
import { HeaderSearch } from './components/search-form'
import { SubscribeForm } from './components/subscribe-form'
import { JsonLd } from './json-ld'
import { companyFeedPath, GUIDANCE_TITLE, PATHS, SITE_NAME } from './site'

/** A machine-readable version of a page: a feed, or JSON for developers. */
export interface Alternate {
  type:
    | 'application/rss+xml'
    | 'application/atom+xml'
    | 'application/feed+json'
    | 'application/json'
  href: string
  title: string
}

/** Where a page sits in the main menu, so its link is marked as the current page. */
export type NavSection = 'alerts' | 'companies' | 'check' | 'feeds'

export interface LayoutProps {
  title: string
  description?: string
  /** Absolute URL of this page (from PUBLIC_URL): canonical link and og:url. */
  canonical?: string
  /** OpenGraph type: a warning is an article, everything else a website. */
  ogType?: 'website' | 'article'
  /** Feeds and JSON for this page, besides the site-wide feeds every page announces. */
  alternates?: readonly Alternate[]
  /** schema.org data for the page head. */
  jsonLd?: unknown
  /** Pages that search engines should not list: errors, personal links. */
  noindex?: boolean
  section?: NavSection
  /** Offers "only this company" in the subscription form. */
  subscribeCompany?: { slug: string; name: string } | undefined
  /** False on pages that are themselves about subscribing. */
  showSubscribe?: boolean
  /** False on the search page, whose own form is the search. */
  showSearch?: boolean
  children: Child
}

/** Feeds of every warning, announced on every page for feed readers' autodiscovery. */
export const SITE_FEEDS: readonly Alternate[] = [
  { type: 'application/rss+xml', href: PATHS.rss, title: `${SITE_NAME} (RSS)` },
  { type: 'application/atom+xml', href: PATHS.atom, title: `${SITE_NAME} (Atom)` },
  { type: 'application/feed+json', href: PATHS.jsonFeed, title: `${SITE_NAME} (JSON Feed)` },
]

/** A company's own feed, announced on the pages about that company. */
export function companyFeed(company: { slug: string; name: string }): Alternate {
  return {
    type: 'application/rss+xml',
    href: companyFeedPath(company.slug),
    title: `Varningar om ${company.name} (RSS)`,
  }
}

/** The same data as JSON, for developers: announced in the head, never in the text. */
export function jsonAlternate(path: string, title: string): Alternate {
  return { type: 'application/json', href: `/api${path}`, title }
}

const NAV: readonly { section: NavSection; href: string; label: Child }[] = [
  { section: 'alerts', href: PATHS.home, label: 'Varningar' },
  { section: 'companies', href: PATHS.companies, label: 'Företag' },
  {
    section: 'check',
    href: PATHS.check,
    // On a phone the link reads "Kolla"; screen readers always hear the whole name.
    label: (
      <>
        Kolla<span class="nav-long"> ett meddelande</span>
      </>
    ),
  },
  { section: 'feeds', href: PATHS.feeds, label: 'RSS' },
]

/**
 * The page shell: Swedish, mobile-first, one local stylesheet, no scripts.
 *
 * The header bar is one flex row (brand, menu) that fits 360 px. The search form is its
 * third child (class "site-search"), a full row of its own under brand and menu at every
 * width, so reading order and screen order agree. Between brand and menu it would not fit:
 * at the 52rem column, brand and menu leave under 200 px for it.
 */
export function Layout({
  title,
  description,
  canonical,
  ogType = 'website',
  alternates = [],
  jsonLd,
  noindex = false,
  section,
  subscribeCompany,
  showSubscribe = true,
  showSearch = true,
  children,
}: LayoutProps) {
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === SITE_NAME ? title : `${title} – ${SITE_NAME}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <meta name="color-scheme" content="light dark" />
        {/* Safari on iOS would turn every number in the text, a scammer's too, into a tap-to-call
            link; the pages link official numbers themselves (tel:) and nothing else. */}
        <meta name="format-detection" content="telephone=no" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/site.css" />
        {[...SITE_FEEDS, ...alternates].map((alternate) => (
          <link
            rel="alternate"
            type={alternate.type}
            title={alternate.title}
            href={alternate.href}
          />
        ))}
        <meta property="og:site_name" content={SITE_NAME} />
        <meta property="og:locale" content="sv_SE" />
        <meta property="og:type" content={ogType} />
        <meta property="og:title" content={title} />
        {description ? <meta property="og:description" content={description} /> : null}
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        <meta name="twitter:card" content="summary" />
        {jsonLd ? <JsonLd data={jsonLd} /> : null}
      </head>
      <body>
        <a class="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        <header class="site-header">
          <div class="wrap bar">
            <a class="brand" href={PATHS.home}>
              <img src="/favicon.svg" alt="" width="28" height="28" />
              <span class="brand-name">{SITE_NAME}</span>
            </a>
            <nav aria-label="Huvudmeny">
              {NAV.map((item) => (
                <a href={item.href} aria-current={item.section === section ? 'page' : undefined}>
                  {item.label}
                </a>
              ))}
            </nav>
            {showSearch ? <HeaderSearch /> : null}
          </div>
        </header>
        <main class="wrap" id="innehall" tabindex={-1}>
          {children}
          {showSubscribe ? <SubscribeForm company={subscribeCompany} /> : null}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <nav aria-label="Om webbplatsen">
              <ul class="footer-links">
                <li>
                  <a href={PATHS.guidance}>{GUIDANCE_TITLE}</a>
                </li>
                <li>
                  <a href={PATHS.about}>Om tjänsten</a>
                </li>
                <li>
                  <a href={PATHS.privacy}>Integritet</a>
                </li>
                <li>
                  <a href={PATHS.feeds}>Flöden</a>
                </li>
              </ul>
            </nav>
            <p>
              {SITE_NAME} publicerar företags egna varningar för bedrägerier i deras namn, med deras
              officiella kontaktvägar. Kontakta aldrig ett företag via uppgifter i ett misstänkt
              meddelande.
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
