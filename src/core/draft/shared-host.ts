import { SOCIAL_PLATFORMS } from '../alert-schema'
import { hostedSite } from '../check/hosting'
import { registrableDomain } from '../domain'

// A minimal predicate for the draft tool. Branch fixlinks gives the checker its own list of
// shared path hosts (isSharedHost, sharedSiteOf in src/core/check/hosting.ts); at merge this
// should read that list instead of SOCIAL_PLATFORMS and PAGE_HOSTS, so both judge one way.

/** Hosts where anyone can publish a page under the host's name, besides hosting services. */
const PAGE_HOSTS: Record<string, string> = {
  'google.com': 'Google (Sites, Docs, Forms)',
  'linktr.ee': 'Linktree',
  'medium.com': 'Medium',
  'substack.com': 'Substack',
}

/** Free e-mail services: anyone can get an address there. */
const MAIL_SERVICES = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.se',
  'outlook.com',
  'live.com',
  'live.se',
  'msn.com',
  'yahoo.com',
  'yahoo.se',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
])

/** A website on a host many people publish on, and whether the host is shared whole. */
export interface SharedHost {
  service: string
  /** Every page of the host is someone's (sites.google.com/view/…, facebook.com/…). */
  wholeHost: boolean
}

/**
 * The service a website lives on when others publish there too, or null for a host of the
 * company's own. A record keeps a website's host, so a page on a shared host would make the
 * whole host official; a site on a hosting service (x.netlify.app) is the company's only if
 * the company says so.
 */
export function sharedWebsiteOf(url: URL): SharedHost | null {
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '')
  const registrable = registrableDomain(hostname)
  const platform = Object.values(SOCIAL_PLATFORMS).find(({ hosts }) =>
    (hosts as readonly string[]).includes(registrable ?? ''),
  )
  if (platform) return { service: platform.label, wholeHost: true }
  const site = hostedSite(hostname, url.pathname)
  if (site) {
    // A path-based service (Google Sites, a Wix path) shares its one host among all sites.
    const wholeHost = hostname === site.suffix || hostname === `www.${site.suffix}`
    return { service: site.service ?? site.suffix, wholeHost }
  }
  const page = registrable ? PAGE_HOSTS[registrable] : undefined
  return page ? { service: page, wholeHost: true } : null
}

/** True for a free e-mail service, where an address says nothing of who holds it. */
export function isMailService(domain: string): boolean {
  return MAIL_SERVICES.has(domain.toLowerCase().replace(/\.$/, ''))
}
