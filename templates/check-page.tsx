import type { Company } from '../src/core/catalog'
import type { CheckResult, Finding, RedFlag } from '../src/core/check'
import {
  type CompanyNames,
  PLACE_TEXT,
  shownValue,
  verdictSummary,
} from '../src/core/check/wording'
import { KIND_TEXT, STATUS_TEXT } from './components/finding-labels'
import { OfficialContactsList } from './components/official-contacts'
import { genitive } from './format'
import { Layout } from './layout'
import { GUIDANCE_TITLE, PATHS } from './site'

export const TEXT_MAX = 10_000
export const SENDER_MAX = 320

/** Pasted links are never links: anything not official is defanged, official ones are plain text. */
function FindingValue({ finding }: { finding: Finding }) {
  if (finding.status === 'official') return <strong class="official">{finding.value}</strong>
  return <span class="fake">{shownValue(finding)}</span>
}

/** "Står i avsändaren och i texten", when a contact point appeared anywhere but the text alone. */
function Places({ finding }: { finding: Finding }) {
  const sources = [...new Set(finding.places.map((p) => p.source))]
  if (sources.length === 1 && sources[0] === 'text') return null
  const where = sources.map((s) => PLACE_TEXT[s])
  const list = where.length > 1 ? `${where.slice(0, -1).join(', ')} och ${where.at(-1)}` : where[0]
  return <p class="meta">Står i {list}.</p>
}

/** A heading and a list of warning signs or tips, or nothing when there are none. */
function Advice({ title, items }: { title: string; items: RedFlag[] }) {
  if (items.length === 0) return null
  return (
    <>
      <h2>{title}</h2>
      <ul class="tips">
        {items.map((item) => (
          <li>{item.text}</li>
        ))}
      </ul>
    </>
  )
}

export interface CheckPageProps {
  text?: string
  sender?: string
  error?: string
  result?: CheckResult
  company?: Company
  /** Company names by slug, for reasons that name a company other than the claimed one. */
  names?: CompanyNames
}

export function CheckPage({
  text = '',
  sender = '',
  error,
  result,
  company,
  names = (slug) => slug,
}: CheckPageProps) {
  return (
    <Layout title="Kolla ett meddelande">
      <h1>Kolla ett meddelande</h1>
      <p>
        Klistra in ett sms, mejl eller meddelande som säger sig komma från ett företag. Vi jämför
        länkar, adresser, nummer och konton med företagets officiella kontaktvägar.{' '}
        <strong>Vi sparar inte texten du klistrar in.</strong>
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <CheckResultView result={result} company={company} names={names} /> : null}
      <form method="post" action="/check" class="card">
        <label for="text">Meddelandet</label>
        <textarea id="text" name="text" required maxlength={TEXT_MAX}>
          {text}
        </textarea>
        <label for="sender">Avsändare (valfritt)</label>
        <input
          id="sender"
          name="sender"
          type="text"
          maxlength={SENDER_MAX}
          value={sender}
          placeholder="t.ex. 046-28 52 900, namn@example.se, JEMFIX eller @konto"
          autocomplete="off"
        />
        <p class="hint">
          Telefonnummer, e-postadress (gärna med namn, som "Namn &lt;adress&gt;"), avsändarnamnet i
          ett sms eller ett konto.
        </p>
        <button type="submit">Kolla meddelandet</button>
      </form>
    </Layout>
  )
}

function CheckResultView({
  result,
  company,
  names,
}: {
  result: CheckResult
  company: Company | undefined
  names: CompanyNames
}) {
  const verdict = verdictSummary(result, names)
  const warnings = result.redFlags.filter((f) => !f.id.startsWith('tip:'))
  const tips = result.redFlags.filter((f) => f.id.startsWith('tip:'))
  return (
    <section aria-labelledby="verdict">
      <div class={`verdict verdict-${result.verdict}`} role="status">
        <h2 id="verdict">{verdict.title}</h2>
        <p>{verdict.lead}</p>
        {verdict.reasons.length > 0 ? (
          <ul>
            {verdict.reasons.map((reason) => (
              <li>{reason}</li>
            ))}
          </ul>
        ) : null}
        <p>{verdict.advice}</p>
        {result.company ? (
          <p>
            Meddelandet säger sig komma från{' '}
            <a href={`/companies/${result.company.slug}`}>{result.company.name}</a>.
          </p>
        ) : null}
        {result.verdict === 'suspicious' ? (
          <p>
            <a href={PATHS.guidance}>{GUIDANCE_TITLE} Så gör du nu.</a>
          </p>
        ) : null}
      </div>
      <h2>Det här hittade vi</h2>
      {result.findings.length === 0 ? (
        <p class="empty">Inga länkar, adresser, nummer eller konton i meddelandet.</p>
      ) : (
        result.findings.map((finding) => (
          <div class={`finding finding-${finding.status}`}>
            <p>
              {KIND_TEXT[finding.kind]}: <FindingValue finding={finding} /> –{' '}
              <strong>{STATUS_TEXT[finding.status]}</strong>
            </p>
            <p class="meta">{finding.reason}</p>
            <Places finding={finding} />
          </div>
        ))
      )}
      <Advice title="Varningstecken" items={warnings} />
      {company ? (
        <>
          <h2>{genitive(company.name)} officiella kontaktvägar</h2>
          <OfficialContactsList official={company.official} companyName={company.name} />
        </>
      ) : null}
      {company ? <Advice title={`Råd från ${company.name}`} items={tips} /> : null}
      {result.alerts.length > 0 ? (
        <>
          <h2>Varningar om {result.company?.name}</h2>
          <ul>
            {result.alerts.map((alert) => (
              <li>
                <a href={`/alerts/${alert.id}`}>{alert.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
