import type { Company } from '../src/core/catalog'
import type { CheckResult, Finding } from '../src/core/check/verdict-types'
import { defang } from '../src/core/domain'
import { OfficialContactsList } from './components/official-contacts'
import { Layout } from './layout'

export const TEXT_MAX = 10_000
export const SENDER_MAX = 320

const VERDICT_TEXT: Record<CheckResult['verdict'], { title: string; body: string }> = {
  suspicious: {
    title: 'Misstänkt meddelande',
    body: 'Något i meddelandet stämmer inte med företagets officiella kontaktvägar, eller så innehåller det typiska tecken på bedrägeri. Klicka inte på länkar, ring inte numren och lämna inga uppgifter.',
  },
  'official-contacts': {
    title: 'Kontaktvägarna är officiella',
    body: 'Alla länkar, adresser, nummer och konton i meddelandet hör till företaget enligt dess egen varning. Avsändare kan ändå förfalskas: lämna aldrig personliga uppgifter via en länk.',
  },
  unknown: {
    title: 'Vi kan inte avgöra meddelandet',
    body: 'Vi känner inte igen något företag eller någon kontaktväg i meddelandet. Det betyder inte att det är säkert: kontakta företaget via dess egen webbplats om du är osäker.',
  },
}

const STATUS_TEXT: Record<Finding['status'], string> = {
  official: 'Officiell',
  lookalike: 'Förväxlingsbar kopia',
  'not-official': 'Inte officiell',
  unknown: 'Okänd',
}

const KIND_TEXT: Record<Finding['kind'], string> = {
  url: 'Länk',
  domain: 'Adress',
  email: 'E-post',
  phone: 'Telefonnummer',
  handle: 'Konto i sociala medier',
  'sender-id': 'Avsändarnamn (sms)',
}

/** Pasted links are never links: anything not official is defanged, official ones are plain text. */
function FindingValue({ finding }: { finding: Finding }) {
  if (finding.status === 'official') return <strong class="official">{finding.value}</strong>
  const isAddress = finding.kind === 'url' || finding.kind === 'domain' || finding.kind === 'email'
  return <span class="fake">{isAddress ? defang(finding.value) : finding.value}</span>
}

export interface CheckPageProps {
  text?: string
  sender?: string
  error?: string
  result?: CheckResult
  company?: Company
}

export function CheckPage({ text = '', sender = '', error, result, company }: CheckPageProps) {
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
      {result ? <CheckResultView result={result} company={company} /> : null}
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
          placeholder="t.ex. 046-28 52 900, namn@example.se eller @konto"
          autocomplete="off"
        />
        <p class="hint">
          Telefonnummer, e-postadress (gärna med namn, som "Namn &lt;adress&gt;") eller konto.
        </p>
        <button type="submit">Kolla meddelandet</button>
      </form>
    </Layout>
  )
}

function CheckResultView({
  result,
  company,
}: {
  result: CheckResult
  company: Company | undefined
}) {
  const verdict = VERDICT_TEXT[result.verdict]
  return (
    <section aria-labelledby="verdict">
      <div class={`verdict verdict-${result.verdict}`} role="status">
        <h2 id="verdict">{verdict.title}</h2>
        <p>{verdict.body}</p>
        {result.company ? (
          <p>
            Meddelandet säger sig komma från{' '}
            <a href={`/companies/${result.company.slug}`}>{result.company.name}</a>.
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
          </div>
        ))
      )}
      {result.redFlags.length > 0 ? (
        <>
          <h2>Varningstecken och råd</h2>
          <ul class="tips">
            {result.redFlags.map((flag) => (
              <li>{flag.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {company ? (
        <>
          <h2>{company.name} officiella kontaktvägar</h2>
          <OfficialContactsList official={company.official} companyName={company.name} />
        </>
      ) : null}
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
