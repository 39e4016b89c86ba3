import type { Company } from '../src/core/catalog'
import type { Finding } from '../src/core/check'
import { defang } from '../src/core/domain'
import { shownQueryValue } from '../src/core/lookup'
import { KIND_TEXT, STATUS_TEXT } from './components/finding-labels'
import { OfficialContactsList } from './components/official-contacts'
import { SearchForm } from './components/search-form'
import { formatCount, genitive, telHref } from './format'
import { Layout } from './layout'
import { companyAlertsPath, companyPath, GUIDANCE_TITLE, PATHS, searchPath } from './site'

/** One searched contact point: the checker's finding, the answer in a sentence, its company. */
export interface SearchMatch {
  answer: string
  finding: Finding
  company: Company | null
}

/** Values from the records that show what can be searched; each becomes a search link. */
export interface SearchExamples {
  phone?: string
  address?: string
  account?: string
  company?: string
}

export interface SearchPageProps {
  /** The query as typed, for the form; empty for the page that explains search. */
  query: string
  error?: string
  result?: { matches: SearchMatch[]; companies: Company[] }
  examples: SearchExamples
  /** Absolute URL of the page that explains search; only that page is indexed. */
  canonical?: string
}

export const SEARCH_DESCRIPTION =
  'Sök på ett telefonnummer, en webbadress, en e-postadress, ett konto eller ett företag och se om det är företagets officiella kontaktväg.'

/** Official values as the company writes them (a number callable); others defanged, never links. */
function MatchValue({ match }: { match: SearchMatch }) {
  const { finding, company } = match
  if (finding.status !== 'official') return <span class="fake">{shownQueryValue(finding)}</span>
  const phone =
    finding.kind === 'phone'
      ? company?.official.phones.find((p) => p.number === finding.normalized)
      : undefined
  const href = phone ? telHref(phone.number) : undefined
  return href && phone ? (
    <a class="official" href={href}>
      {phone.display}
    </a>
  ) : (
    <strong class="official">{finding.value}</strong>
  )
}

/** Where to go from a company: its official contacts and its warnings. */
function CompanyLinks({ company }: { company: Company }) {
  return (
    <p>
      <a href={companyPath(company.slug)}>{genitive(company.name)} officiella kontaktvägar</a>
      {' · '}
      <a href={companyAlertsPath(company.slug)}>
        {formatCount(company.alerts.length, 'varning', 'varningar')} om {company.name}
      </a>
    </p>
  )
}

function Match({ match }: { match: SearchMatch }) {
  const { finding, answer, company } = match
  const suspicious = finding.status === 'lookalike' || finding.status === 'not-official'
  return (
    <article class={`finding finding-${finding.status}`}>
      <h3>
        {KIND_TEXT[finding.kind]}: <MatchValue match={match} /> – {STATUS_TEXT[finding.status]}
      </h3>
      <p class="answer">{answer}</p>
      {finding.reason !== answer ? <p class="meta">{finding.reason}</p> : null}
      {finding.status === 'unknown' ? (
        <p class="meta">
          Att något saknas i våra varningar betyder inte att det är säkert, bara att inget företag
          har angett det som sitt.
        </p>
      ) : null}
      {company ? <CompanyLinks company={company} /> : null}
      {suspicious ? (
        <p>
          <a href={PATHS.guidance}>{GUIDANCE_TITLE}</a>
        </p>
      ) : null}
    </article>
  )
}

function CompanyMatch({ company }: { company: Company }) {
  return (
    <article>
      <h3>
        <a href={companyPath(company.slug)}>{company.name}</a>
      </h3>
      <OfficialContactsList official={company.official} companyName={company.name} />
      <p>
        <a href={companyAlertsPath(company.slug)}>
          {formatCount(company.alerts.length, 'varning', 'varningar')} om {company.name}
        </a>
      </p>
    </article>
  )
}

function NoMatch({ query }: { query: string }) {
  return (
    <section class="callout" aria-labelledby="inget">
      <h2 id="inget">Vi hittade inget om ”{defang(query)}”</h2>
      <p>
        Det betyder inte att numret, adressen eller kontot är säkert. Vi har bara de kontaktvägar
        som företagen själva anger i sina varningar, och bedragare byter nummer och adresser hela
        tiden.
      </p>
      <ul>
        <li>
          Har du fått ett helt meddelande? <a href={PATHS.check}>Kolla meddelandet</a>, så letar vi
          också efter varningstecken i texten.
        </li>
        <li>
          Kontakta företaget på ett sätt du själv har hittat, till exempel via dess egen webbplats,
          aldrig via uppgifter i ett misstänkt meddelande.
        </li>
        <li>
          <a href={PATHS.guidance}>{GUIDANCE_TITLE}</a>
        </li>
      </ul>
    </section>
  )
}

function ExampleLink({ value }: { value: string }) {
  return <a href={searchPath(value)}>{value}</a>
}

/** The page without a query: what can be searched, with examples from the records. */
function Explanation({ examples }: { examples: SearchExamples }) {
  const example = (value: string | undefined) =>
    value ? (
      <>
        , till exempel <ExampleLink value={value} />
      </>
    ) : null
  return (
    <>
      <h2>Det här kan du söka på</h2>
      <ul class="tips">
        <li>
          <strong>Telefonnummer</strong>, skrivna hur som helst: med eller utan landsnummer,
          mellanslag och bindestreck{example(examples.phone)}.
        </li>
        <li>
          <strong>Webbadresser, länkar och e-postadresser</strong>
          {example(examples.address)}.
        </li>
        <li>
          <strong>Konton i sociala medier</strong>, med eller utan @ eller som en länk till profilen
          {example(examples.account)}.
        </li>
        <li>
          <strong>Företag</strong>, med sitt namn eller en annan stavning
          {example(examples.company)}.
        </li>
      </ul>
      <p>
        Svaret bygger på företagens egna varningar och är detsamma som när du{' '}
        <a href={PATHS.check}>kollar ett helt meddelande</a>.
      </p>
    </>
  )
}

function Results({ query, result }: Required<Pick<SearchPageProps, 'query' | 'result'>>) {
  const { matches, companies } = result
  if (matches.length === 0 && companies.length === 0) return <NoMatch query={query} />
  return (
    <>
      {matches.length > 0 ? (
        <section aria-labelledby="svar">
          <h2 id="svar">
            {matches.length === 1 ? 'Svar' : `Svar på ${matches.length} kontaktvägar`}
          </h2>
          {matches.map((match) => (
            <Match match={match} />
          ))}
        </section>
      ) : null}
      {companies.length > 0 ? (
        <section aria-labelledby="foretag">
          <h2 id="foretag">{companies.length === 1 ? 'Företag' : 'Företag som matchar'}</h2>
          {companies.map((company) => (
            <CompanyMatch company={company} />
          ))}
        </section>
      ) : null}
    </>
  )
}

/**
 * /search: an explanation with examples when there is no query; otherwise the answer to each
 * contact point and company the query holds, or a plain "nothing found" that proves nothing.
 * Results are for one reader only (noindex; the route sends them no-store).
 */
export function SearchPage({ query, error, result, examples, canonical }: SearchPageProps) {
  const explaining = !result && !error
  return (
    <Layout
      title={explaining ? 'Sök på ett nummer, en adress eller ett företag' : 'Sökresultat'}
      description={explaining ? SEARCH_DESCRIPTION : undefined}
      canonical={explaining ? canonical : undefined}
      noindex={!explaining}
      showSearch={false}
    >
      <h1>{explaining ? 'Sök på ett nummer, en adress eller ett företag' : 'Sökresultat'}</h1>
      {explaining ? (
        <p>
          Har du fått ett sms, ett mejl, ett samtal eller ett meddelande i sociala medier och undrar
          om det är äkta? Sök på numret, adressen, kontot eller företagets namn, så ser du om det är
          företagets officiella kontaktväg enligt företagets egna varningar.
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <SearchForm id="q" value={query} label="Nummer, adress, konto eller företag" />
      {result ? <Results query={query} result={result} /> : null}
      {explaining ? <Explanation examples={examples} /> : null}
      <p class="hint">
        Vi sparar inte det du söker på. Sökningen syns i adressfältet och i webbläsarens historik,
        som alla sökningar.
      </p>
    </Layout>
  )
}
