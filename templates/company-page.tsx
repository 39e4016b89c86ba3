import { listSearch, PAGE_SIZE } from '../src/core/browse'
import type { Company } from '../src/core/catalog'
import { AlertCard } from './components/alert-card'
import { DraftBadge, DraftContactsNote } from './components/draft-badge'
import { OfficialContactsList } from './components/official-contacts'
import { formatCount, formatNumber, genitive } from './format'
import { companyFeed, jsonAlternate, Layout } from './layout'
import { companyFeedPath, companyPath } from './site'
import { organizationLd } from './structured-data'

/** A company: its official contacts, its newest warnings and its own feed. */
export function CompanyPage({ company, publicUrl }: { company: Company; publicUrl: string }) {
  const newest = company.alerts.slice(0, PAGE_SIZE)
  const count = formatCount(company.alerts.length, 'varning', 'varningar')
  const onlyDrafts = company.alerts.every((alert) => alert.draft === true)
  const hasDrafts = company.alerts.some((alert) => alert.draft === true)
  return (
    <Layout
      title={company.name}
      description={`${genitive(company.name)} officiella kontaktvägar och ${count} om bedrägerier i företagets namn.`}
      canonical={`${publicUrl}${companyPath(company.slug)}`}
      alternates={[
        companyFeed(company),
        jsonAlternate(companyPath(company.slug), 'Företaget som JSON'),
      ]}
      jsonLd={organizationLd(company, publicUrl)}
      section="companies"
      subscribeCompany={company}
      noindex={hasDrafts || company.officialFromDraft === true}
    >
      <h1>
        {onlyDrafts ? (
          <>
            <DraftBadge />{' '}
          </>
        ) : null}
        {company.name}
      </h1>
      {company.aliases.length > 0 ? (
        <p class="meta">Skrivs också: {company.aliases.join(', ')}</p>
      ) : null}
      <h2>Officiella kontaktvägar</h2>
      {company.officialFromDraft ? <DraftContactsNote /> : null}
      <OfficialContactsList official={company.official} companyName={company.name} />
      <h2>Varningar ({formatNumber(company.alerts.length)})</h2>
      {newest.map((alert) => (
        <AlertCard alert={alert} />
      ))}
      {company.alerts.length > newest.length ? (
        <p>
          <a href={`/${listSearch({ company: company.slug }, 2)}`}>
            Äldre varningar om {company.name}
          </a>{' '}
          <span class="meta">(alla {count})</span>
        </p>
      ) : null}
      <p class="meta">
        Följ {genitive(company.name)} varningar i en flödesläsare:{' '}
        <a href={companyFeedPath(company.slug)}>RSS-flöde för {company.name}</a>
      </p>
    </Layout>
  )
}
