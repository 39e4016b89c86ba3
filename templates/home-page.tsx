import type { AlertFilter, AlertListPage } from '../src/core/browse'
import { AlertList, FilterForm } from './components/alert-list'
import { SearchForm } from './components/search-form'
import { CHANNEL_LABELS, formatNumber } from './format'
import { type Alternate, companyFeed, jsonAlternate, Layout } from './layout'
import { PATHS, SITE_DESCRIPTION, SITE_NAME } from './site'

export interface HomePageProps {
  list: AlertListPage
  filter: AlertFilter
  /** Every company, A to Ö, for the filter. */
  companies: readonly { slug: string; name: string }[]
  /** The filtered company, when there is one. */
  company?: { slug: string; name: string } | undefined
  /** Absolute URL of this list in its one canonical spelling. */
  canonical: string
}

/** "Sms · jem & fix", the filter in words; empty without one. */
function filterWords(filter: AlertFilter, company: HomePageProps['company']): string {
  return [filter.channel ? CHANNEL_LABELS[filter.channel] : '', company?.name ?? '']
    .filter(Boolean)
    .join(' · ')
}

/** The warnings, newest first, 20 to a page, filtered by channel and company. */
export function HomePage({ list, filter, companies, company, canonical }: HomePageProps) {
  const words = filterWords(filter, company)
  const pageWords = list.page > 1 ? `, sida ${formatNumber(list.page)}` : ''
  const alternates: Alternate[] = [
    ...(company ? [companyFeed(company)] : []),
    jsonAlternate('/alerts', 'Varningarna som JSON'),
  ]
  return (
    <Layout
      title={words ? `Varningar: ${words}${pageWords}` : `${SITE_NAME}${pageWords}`}
      description={
        words ? `Bedrägerivarningar, filtrerade på ${words}. ${SITE_DESCRIPTION}` : SITE_DESCRIPTION
      }
      canonical={canonical}
      alternates={alternates}
      section="alerts"
      subscribeCompany={company}
    >
      <h1>{words ? `Varningar: ${words}` : 'Aktuella bedrägerivarningar'}</h1>
      <p>
        Här samlas företags egna varningar när bedragare utger sig för att vara dem. Varje varning
        visar företagets officiella kontaktvägar, så att du kan se vad som är äkta.{' '}
        <a href={PATHS.check}>Fått ett misstänkt meddelande? Kolla det här.</a>
      </p>
      <SearchForm id="sok-start" />
      <FilterForm filter={filter} companies={companies} />
      <AlertList
        list={list}
        filter={filter}
        emptyText={
          words ? (
            `Det finns inga varningar för ${words}.`
          ) : (
            <>
              Inga varningar är publicerade ännu. Prenumerera via e-post nedan eller följ ett{' '}
              <a href={PATHS.feeds}>flöde</a> för att få veta när den första kommer.
            </>
          )
        }
      />
    </Layout>
  )
}

/** A filter URL that cannot be read: says what is wrong and offers the form again. */
export function FilterErrorPage({
  message,
  companies,
}: {
  message: string
  companies: HomePageProps['companies']
}) {
  return (
    <Layout title="Filtret fungerar inte" noindex section="alerts">
      <h1>Filtret fungerar inte</h1>
      <p class="error" role="alert">
        {message}
      </p>
      <p>
        Välj kanal och företag här, eller <a href={PATHS.home}>visa alla varningar</a>.
      </p>
      <FilterForm filter={{}} companies={companies} />
    </Layout>
  )
}
