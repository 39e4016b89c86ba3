import type { Company } from '../src/core/catalog'
import { DraftBadge } from './components/draft-badge'
import { formatCount, swedishCollator } from './format'
import { jsonAlternate, Layout } from './layout'
import { companyPath } from './site'

/** The letter a name is filed under: "jem & fix" under J, "Ödla" under Ö, "3M" under 0–9. */
function initialOf(name: string): string {
  const first = name.trim().charAt(0).toLocaleUpperCase('sv')
  return /\p{L}/u.test(first) ? first : '0–9'
}

/** Companies in A-to-Ö order, grouped by initial; the input is already sorted. */
function byInitial(companies: readonly Company[]): [string, Company[]][] {
  const groups = new Map<string, Company[]>()
  for (const company of companies) {
    const initial = initialOf(company.name)
    const group = groups.get(initial)
    if (group) group.push(company)
    else groups.set(initial, [company])
  }
  return [...groups]
}

/** Sorts companies A to Ö with Swedish collation. */
export function sortCompanies(companies: Iterable<Company>): Company[] {
  const collator = swedishCollator()
  return [...companies].sort((a, b) => collator.compare(a.name, b.name))
}

export function CompaniesPage({
  companies,
  publicUrl,
}: {
  /** Sorted with sortCompanies. */
  companies: readonly Company[]
  publicUrl: string
}) {
  const groups = byInitial(companies)
  return (
    <Layout
      title="Företag"
      description="Företag som har varnat för bedrägerier i sitt namn, från A till Ö, med deras officiella kontaktvägar."
      canonical={`${publicUrl}/companies`}
      alternates={[jsonAlternate('/companies', 'Företagen som JSON')]}
      section="companies"
    >
      <h1>Företag som varnat för bedrägerier</h1>
      {companies.length === 0 ? (
        <p class="empty card">Inga företag har varnat ännu.</p>
      ) : (
        <>
          <p>{formatCount(companies.length, 'företag', 'företag')} från A till Ö.</p>
          {groups.length > 1 ? (
            <nav aria-label="Bokstäver">
              <ul class="letters">
                {groups.map(([initial]) => (
                  <li>
                    <a href={`#bokstav-${initial}`}>{initial}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {groups.map(([initial, group]) => (
            <section aria-labelledby={`bokstav-${initial}`}>
              <h2 id={`bokstav-${initial}`}>{initial}</h2>
              <ul class="company-list">
                {group.map((company) => (
                  <li>
                    <a href={companyPath(company.slug)}>{company.name}</a>{' '}
                    {company.alerts.every((alert) => alert.draft === true) ? (
                      <>
                        <DraftBadge />{' '}
                      </>
                    ) : null}
                    <span class="meta">
                      ({formatCount(company.alerts.length, 'varning', 'varningar')})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Layout>
  )
}
