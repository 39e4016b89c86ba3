import type { Company } from '../src/core/catalog'
import { AlertCard } from './components/alert-card'
import { OfficialContactsList } from './components/official-contacts'
import { Layout } from './layout'

export function CompanyPage({ company, publicUrl }: { company: Company; publicUrl: string }) {
  return (
    <Layout
      title={company.name}
      description={`Officiella kontaktvägar och bedrägerivarningar för ${company.name}.`}
      canonical={`${publicUrl}/companies/${company.slug}`}
      subscribeCompany={company}
    >
      <h1>{company.name}</h1>
      {company.aliases.length > 0 ? (
        <p class="meta">Skrivs också: {company.aliases.join(', ')}</p>
      ) : null}
      <h2>Officiella kontaktvägar</h2>
      <OfficialContactsList official={company.official} companyName={company.name} />
      <h2>Varningar ({company.alerts.length})</h2>
      {company.alerts.map((alert) => (
        <AlertCard alert={alert} />
      ))}
      <p class="meta">
        <a href={`/api/companies/${company.slug}`}>Som JSON</a>
      </p>
    </Layout>
  )
}
