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
 * Hosts on which anyone can publish a page under a path of their own: a company's website
 * there is its path (sites.google.com/view/jemfix, facebook.com/jemfix), never the whole
 * host, or every scammer's page on it would be official. Subdomains count as the host
 * (m.facebook.com). The one list for the checker and the draft tool.
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

/** A website that is one path on a shared host: the host (as sharedHostOf gives it) and path. */
export interface SharedSite {
  host: string
  /** Lowercase, without a trailing slash: /view/jemfix. */
  path: string
}

/**
 * The part of a shared host a website URL owns, or null for a website on a host of its own
 * (or written as the shared host's root, which claims the whole host as written).
 */
export function sharedSiteOf(url: URL): SharedSite | null {
  const host = sharedHostOf(url.hostname)
  const path = url.pathname.toLowerCase().replace(/\/+$/, '')
  return host && path !== '' ? { host, path } : null
}

/** Whether a path is a site's path or a page under it (/view/jemfix/kontakt, not /view/jemfix2). */
export function isUnderPath(path: string, sitePath: string): boolean {
  const lower = path.toLowerCase()
  return lower === sitePath || lower === `${sitePath}/` || lower.startsWith(`${sitePath}/`)
}
