import type { Alert } from '../src/core/alert-schema'
import { type Company, lastChanged } from '../src/core/catalog'
import { SITE_NAME } from './site'

/** The stable identifier of a company's Organization node, so articles can point to it. */
export function organizationId(company: Company, publicUrl: string): string {
  return `${publicUrl}/companies/${company.slug}#organisation`
}

/**
 * schema.org Organization for a company page: its names, its own websites and social
 * accounts (sameAs) and its official phone numbers (contactPoint). Only what the company
 * itself stated in a record appears here.
 */
export function organizationLd(company: Company, publicUrl: string) {
  const { websites, phones, social } = company.official
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': organizationId(company, publicUrl),
    name: company.name,
    ...(company.aliases.length > 0 ? { alternateName: company.aliases } : {}),
    ...(websites[0] ? { url: websites[0] } : {}),
    ...(websites.length + social.length > 0
      ? { sameAs: [...websites, ...social.map((account) => account.url)] }
      : {}),
    ...(phones.length > 0
      ? {
          contactPoint: phones.map((phone) => ({
            '@type': 'ContactPoint',
            telephone: phone.number,
            contactType: phone.label ?? 'customer service',
          })),
        }
      : {}),
  }
}

/** This site as the publisher of every warning. */
function siteLd(publicUrl: string) {
  return { '@type': 'Organization', name: SITE_NAME, url: `${publicUrl}/` }
}

/** schema.org NewsArticle for a warning page, about the company it concerns. */
export function newsArticleLd(alert: Alert, company: Company, publicUrl: string) {
  const url = `${publicUrl}/alerts/${alert.id}`
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: alert.title,
    description: alert.summary,
    inLanguage: alert.language,
    datePublished: alert.published,
    dateModified: lastChanged(alert),
    author: siteLd(publicUrl),
    publisher: siteLd(publicUrl),
    about: {
      '@type': 'Organization',
      '@id': organizationId(company, publicUrl),
      name: company.name,
    },
    isBasedOn: {
      '@type': 'CreativeWork',
      name: alert.source.title,
      ...(alert.source.url ? { url: alert.source.url } : {}),
      datePublished: alert.source.date,
      publisher: { '@type': 'Organization', name: alert.source.publisher },
    },
  }
}
