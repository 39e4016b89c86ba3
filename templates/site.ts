/** The site's name, in titles, feeds and structured data. */
export const SITE_NAME = 'Bedrägerivarningar'

/** What the site is, in one sentence: the home page's and the feeds' description. */
export const SITE_DESCRIPTION =
  'Företags egna varningar för bedrägerier i deras namn, med deras officiella kontaktvägar.'

/** Paths of the pages every page links to; one place, so links and routes cannot drift. */
export const PATHS = {
  home: '/',
  companies: '/companies',
  check: '/check',
  search: '/search',
  guidance: '/guidance',
  about: '/about',
  privacy: '/privacy',
  feeds: '/feeds',
  rss: '/feed.xml',
  atom: '/feed.atom',
  jsonFeed: '/feed.json',
} as const

export const companyPath = (slug: string) => `/companies/${slug}`
export const companyFeedPath = (slug: string) => `/companies/${slug}/feed.xml`
export const alertPath = (id: string) => `/alerts/${id}`

/** The guidance page's title: the question a worried reader asks. */
export const GUIDANCE_TITLE = 'Har du redan klickat, svarat eller betalat?'

/** A search for a value: where an example or a "search for this" link leads. */
export const searchPath = (query: string) => `/search?q=${encodeURIComponent(query)}`

/** The warnings about one company: the list filtered by it. */
export const companyAlertsPath = (slug: string) => `/?company=${encodeURIComponent(slug)}`
