import { SOCIAL_PLATFORMS } from '../alert-schema'
import { hostedSite, officialPageOf, sharedHostOf } from '../check/hosting'
import { registrableDomain } from '../domain'

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
 * company's own, by the list of hosts shared by path (sharedHostOf). The checker counts any
 * website written with a path as that page only; on a listed host an editor still checks
 * that the page is the company's (anyone can make one there), and a website written as the
 * host's root would make the whole host official. A site on a hosting service (x.netlify.app)
 * is the company's only if the company says so.
 */
export function sharedWebsiteOf(url: URL): SharedHost | null {
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '')
  const site = hostedSite(hostname, url.pathname)
  const pathHost = sharedHostOf(hostname)
  if (pathHost) {
    const service = platformOf(hostname) ?? site?.service ?? pathHost
    return { service, wholeHost: officialPageOf(url) === null }
  }
  if (!site) return null
  // A path-based hosting service the checker does not list shares its one host among all sites.
  const wholeHost = hostname === site.suffix || hostname === `www.${site.suffix}`
  return { service: site.service ?? site.suffix, wholeHost }
}

/** The social platform's name for one of its hosts (www.facebook.com → Facebook). */
function platformOf(hostname: string): string | null {
  const registrable = registrableDomain(hostname)
  const platform = Object.values(SOCIAL_PLATFORMS).find(({ hosts }) =>
    (hosts as readonly string[]).includes(registrable ?? ''),
  )
  return platform?.label ?? null
}

/** True for a free e-mail service, where an address says nothing of who holds it. */
export function isMailService(domain: string): boolean {
  return MAIL_SERVICES.has(domain.toLowerCase().replace(/\.$/, ''))
}
