import { SOCIAL_PLATFORMS } from '../alert-schema'
import { hostParts } from '../domain'

/**
 * Free hosting services and site builders where anyone can put up a site under the
 * service's name. Most are suffixes in the private section of the public suffix list
 * (a test checks that); a few well-known site builders are not listed there.
 */
const HOSTING_SERVICES: Record<string, string> = {
  'web.app': 'Firebase (Google)',
  'firebaseapp.com': 'Firebase (Google)',
  'appspot.com': 'Google App Engine',
  'netlify.app': 'Netlify',
  'pages.dev': 'Cloudflare Pages',
  'workers.dev': 'Cloudflare Workers',
  'r2.dev': 'Cloudflare R2',
  'github.io': 'GitHub Pages',
  'gitlab.io': 'GitLab Pages',
  'codeberg.page': 'Codeberg Pages',
  'bitbucket.io': 'Bitbucket',
  'vercel.app': 'Vercel',
  'herokuapp.com': 'Heroku',
  'onrender.com': 'Render',
  'fly.dev': 'Fly.io',
  'replit.app': 'Replit',
  'repl.co': 'Replit',
  'glitch.me': 'Glitch',
  'surge.sh': 'Surge',
  'azurewebsites.net': 'Microsoft Azure',
  'web.core.windows.net': 'Microsoft Azure',
  's3.amazonaws.com': 'Amazon S3',
  'blogspot.com': 'Blogger',
  'webflow.io': 'Webflow',
  'framer.app': 'Framer',
  'framer.website': 'Framer',
  'notion.site': 'Notion',
  'carrd.co': 'Carrd',
  'square.site': 'Square',
  'myshopify.com': 'Shopify',
  'wixsite.com': 'Wix',
  'wixstudio.io': 'Wix',
  'typedream.app': 'Typedream',
  'ngrok-free.app': 'ngrok',
  'ngrok.io': 'ngrok',
  'translate.goog': 'Google Translate',
  // Site builders outside the public suffix list.
  'wordpress.com': 'WordPress.com',
  'weebly.com': 'Weebly',
  '000webhostapp.com': '000webhost',
  'godaddysites.com': 'GoDaddy',
  'jimdosite.com': 'Jimdo',
  'jimdofree.com': 'Jimdo',
  'mystrikingly.com': 'Strikingly',
  'site123.me': 'SITE123',
  'business.site': 'Google Business',
  'webnode.page': 'Webnode',
  'tilda.ws': 'Tilda',
  'neocities.org': 'Neocities',
  'tumblr.com': 'Tumblr',
}

/** Sites whose owner chooses a path, not a host: the brand sits in the first path segments. */
const PATH_SITES: Record<string, { service: string; segments: number }> = {
  'sites.google.com': { service: 'Google Sites', segments: 3 },
  'wixsite.com': { service: 'Wix', segments: 1 },
}

/** The suffixes of the service table; a test checks that the private ones are in the list. */
export const HOSTING_SUFFIXES: readonly string[] = Object.keys(HOSTING_SERVICES)

/** A host on a hosting service: the service and the labels its customer chose. */
export interface HostedSite {
  /** The service's name (Netlify), or null for another suffix of the list's private section. */
  service: string | null
  /** The suffix the service owns (netlify.app). */
  suffix: string
  /** Labels (and, on path-based services, path segments) chosen by whoever made the site. */
  chosen: string[]
}

/**
 * The hosting service a host belongs to, if any: a known service or any other suffix from
 * the public suffix list's private section (where the owner of each subdomain is someone
 * else), plus the path-based sites of Google Sites and Wix.
 */
export function hostedSite(hostname: string, path: string): HostedSite | null {
  const segments = path.split('/').filter(Boolean)
  for (const [site, { service, segments: count }] of Object.entries(PATH_SITES)) {
    if (hostname === site || hostname.endsWith(`.${site}`)) {
      const labels = hostname.slice(0, -site.length).split('.').filter(Boolean)
      return { service, suffix: site, chosen: [...labels, ...segments.slice(0, count)] }
    }
  }
  for (const [suffix, service] of Object.entries(HOSTING_SERVICES)) {
    if (hostname.endsWith(`.${suffix}`)) {
      return { service, suffix, chosen: hostname.slice(0, -suffix.length - 1).split('.') }
    }
  }
  const icann = hostParts(hostname)
  const full = hostParts(hostname, true)
  if (icann && full && full.publicSuffix !== icann.publicSuffix) {
    return {
      service: null,
      suffix: full.publicSuffix,
      chosen: [...full.subdomainLabels, full.label],
    }
  }
  return null
}

/**
 * Hosts on which anyone can publish a page under a path of their own. The checker no longer
 * needs this list to stay safe: any record website written with a path is official for that
 * page only (officialPageOf), on a listed host or not. The list is what the draft tool and
 * `npm run validate` know: a website there needs an editor's check that the page is the
 * company's own (anyone can make one), and one written as the host's root
 * (https://www.facebook.com/) would make every page there official, which a record must not
 * do. Subdomains count as the host (m.facebook.com).
 */
const SHARED_PATH_HOSTS: ReadonlySet<string> = new Set([
  ...Object.values(SOCIAL_PLATFORMS).flatMap((platform) => platform.hosts),
  'sites.google.com',
  'docs.google.com',
  'drive.google.com',
  'forms.gle',
  'groups.google.com',
  'script.google.com',
  'storage.googleapis.com',
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'medium.com',
  'linktr.ee',
  'pinterest.com',
  'reddit.com',
  'snapchat.com',
  't.me',
  'wa.me',
  'dropbox.com',
  'onedrive.live.com',
  'forms.office.com',
  'sway.office.com',
  'canva.com',
  'notion.so',
  'issuu.com',
  // App stores, payment links, maps, invitations, bookings, profiles and shops.
  'play.google.com',
  'apps.apple.com',
  'paypal.com',
  'paypal.me',
  'discord.com',
  'discord.gg',
  'calendly.com',
  'mastodon.social',
  'etsy.com',
])

/** The shared host a hostname is on (www.facebook.com → facebook.com), or null. */
export function sharedHostOf(hostname: string): string | null {
  let candidate = hostname.toLowerCase().replace(/\.$/, '')
  for (;;) {
    if (SHARED_PATH_HOSTS.has(candidate)) return candidate
    const dot = candidate.indexOf('.')
    if (dot < 0) return null
    candidate = candidate.slice(dot + 1)
  }
}

/** Whether a host is one where anyone can publish under a path (see sharedHostOf). */
export function isSharedHost(hostname: string): boolean {
  return sharedHostOf(hostname) !== null
}

/**
 * A record website written with a path or a query (anything beyond `/`): official as that
 * page and the pages under it, whatever the host, never as the whole host. Only a website
 * written as a bare host (https://jemfix.com/) makes a host official.
 */
export interface OfficialPage {
  /** The host as pageHostOf gives it (www.facebook.com → facebook.com). */
  host: string
  /** The path's segments as pageSegments reads them, each after a `/`: /view/jemfix, or ''. */
  path: string
  /** The query as written (?id=se.jemfix.app), or '': a link must carry each of its parameters. */
  query: string
}

/** Prefixes that name the same site on another front end (www.jemfix.com, m.facebook.com). */
const SAME_SITE_PREFIX = /^(?:www|m)\./

/**
 * The host a page is on, as pages are compared: lowercase, without a final dot or a leading
 * www. or m. (the same pages, another front end). No other subdomain counts as the host: on
 * tumblr.com or wordpress.com a subdomain is somebody else's site, and there only www. is
 * surely the service's own (m.tumblr.com could be a blog called m).
 */
export function pageHostOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  const rest = host.replace(SAME_SITE_PREFIX, '')
  if (rest === host || !hostParts(rest)) return host
  return host.startsWith('m.') && HOSTING_SUFFIXES.includes(rest) ? host : rest
}

const UNRESERVED = /^[A-Za-z0-9._~-]$/

/**
 * A URL path (as the URL parser leaves it: dot segments resolved, other characters
 * percent-encoded) as the segments a page is compared by: empty segments dropped (a trailing
 * slash, //), percent-encoded letters, digits and - . _ ~ decoded (%65 is e), lowercase.
 * A segment that, decoded once or more, holds a slash or a backslash or is . or ..
 * (..%2F, %252e%252e) makes the path no page at all (null): a server may decode and resolve
 * it to another page, and a comparison must not guess which.
 */
export function pageSegments(pathname: string): string[] | null {
  const segments: string[] = []
  for (const raw of pathname.split('/')) {
    if (raw === '') continue
    if (mayLeaveItsPlace(raw)) return null
    segments.push(
      raw
        .replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
          const char = String.fromCharCode(Number.parseInt(hex, 16))
          return UNRESERVED.test(char) ? char : encoded
        })
        .toLowerCase(),
    )
  }
  return segments
}

/** Times a segment is decoded to see what a server decoding it again would make of it. */
const DECODINGS = 3

function mayLeaveItsPlace(segment: string): boolean {
  let text = segment
  for (let i = 0; i <= DECODINGS; i++) {
    if (text === '.' || text === '..' || /[/\\]/.test(text)) return true
    if (!text.includes('%')) return false
    try {
      text = decodeURIComponent(text)
    } catch {
      return false
    }
  }
  return false
}

/** A website written as a bare host (https://jemfix.com/): the whole host is the company's. */
export function isBareHost(url: URL): boolean {
  return url.search.length <= 1 && pageSegments(url.pathname)?.length === 0
}

/**
 * The page a record website owns, or null for a website written as a bare host (the whole
 * host, as before). A path no link can be compared with (pageSegments) stays a page that no
 * link is on, never the whole host.
 */
export function officialPageOf(url: URL): OfficialPage | null {
  if (isBareHost(url)) return null
  const segments = pageSegments(url.pathname) ?? [url.pathname.toLowerCase()]
  return {
    host: pageHostOf(url.hostname),
    path: segments.map((s) => `/${s}`).join(''),
    query: url.search.length > 1 ? url.search : '',
  }
}

/** A link's path and query as pages are compared: once per link, whatever the pages. */
export interface LinkPage {
  /** Its segments as pageSegments reads them, each after a `/`, or ''. */
  path: string
  params: URLSearchParams
}

/** A link's path and query read for comparing with pages, or null for no page (pageSegments). */
export function linkPageOf(pathname: string, search: string): LinkPage | null {
  const segments = pageSegments(pathname)
  return segments
    ? { path: segments.map((s) => `/${s}`).join(''), params: new URLSearchParams(search) }
    : null
}

function paramKey(path: string, name: string, value: string): string {
  return `${path}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`
}

/**
 * The key a page is filed under for lookupKeysOf: its path, and for a page written with a
 * query its first parameter too, so a store with many companies' apps costs one lookup.
 */
export function pageLookupKey(page: OfficialPage): string {
  if (!page.query) return page.path
  const [name, value] = [...new URLSearchParams(page.query)][0] ?? ['', '']
  return paramKey(page.path, name, value)
}

/**
 * The keys (pageLookupKey) of every page a link may be on: each path at or above its own,
 * and its own path with each of its parameters. As many as the link has segments and
 * parameters, whatever the number of pages.
 */
export function lookupKeysOf(link: LinkPage): string[] {
  const keys = ['']
  for (let at = link.path.indexOf('/', 1); at > 0; at = link.path.indexOf('/', at + 1)) {
    keys.push(link.path.slice(0, at))
  }
  if (link.path) keys.push(link.path)
  for (const [name, value] of link.params) keys.push(paramKey(link.path, name, value))
  return keys
}

/**
 * Whether a link is on a page: a page written with a path only is that path and the pages
 * under it, by whole segments (/view/jemfix/kontakt, never /view/jemfix2); one written with a
 * query (play.google.com/store/apps/details?id=…) is that one path with each of its
 * parameters given the same values, in the same order and no more of them (?id=a&id=b is
 * not ?id=a: which one a server reads is its own choice). Other parameters do not matter.
 */
export function isOnPage(link: LinkPage, page: OfficialPage): boolean {
  if (page.query === '') return link.path === page.path || link.path.startsWith(`${page.path}/`)
  if (link.path !== page.path) return false
  const need = new URLSearchParams(page.query)
  for (const name of new Set(need.keys())) {
    const [a, b] = [need.getAll(name), link.params.getAll(name)]
    if (a.length !== b.length || a.some((value, i) => value !== b[i])) return false
  }
  return true
}
