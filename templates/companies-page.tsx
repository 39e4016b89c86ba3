import type { Company } from '../src/core/catalog'
import { Layout } from './layout'

export function CompaniesPage({
  companies,
  publicUrl,
}: {
  companies: readonly Company[]
  publicUrl: string
}) {
  return (
    <Layout title="Företag" canonical={`${publicUrl}/companies`}>
      <h1>Företag som varnat för bedrägerier</h1>
      {companies.length === 0 ? (
        <p class="empty card">Inga företag har varnat ännu.</p>
      ) : (
        <ul>
          {companies.map((company) => (
            <li>
              <a href={`/companies/${company.slug}`}>{company.name}</a>{' '}
              <span class="meta">({company.alerts.length} varningar)</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
