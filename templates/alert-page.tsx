import type { Alert } from '../src/core/alert-schema'
import type { Company } from '../src/core/catalog'
import { defang } from '../src/core/domain'
import { ChannelTags } from './components/alert-card'
import { DraftContactsNote, DraftNote } from './components/draft-badge'
import { GuidanceCallout } from './components/guidance-callout'
import { OfficialContactsList } from './components/official-contacts'
import { formatDate, genitive, safeHref } from './format'
import { companyFeed, jsonAlternate, Layout } from './layout'
import { alertPath, companyPath } from './site'
import { newsArticleLd } from './structured-data'

export function AlertPage({
  alert,
  company,
  publicUrl,
}: {
  alert: Alert
  company: Company
  publicUrl: string
}) {
  const sourceHref = alert.source.url ? safeHref(alert.source.url) : undefined
  return (
    <Layout
      title={alert.title}
      description={alert.summary}
      canonical={`${publicUrl}${alertPath(alert.id)}`}
      ogType="article"
      alternates={[companyFeed(company), jsonAlternate(alertPath(alert.id), 'Varningen som JSON')]}
      jsonLd={newsArticleLd(alert, company, publicUrl)}
      section="alerts"
      subscribeCompany={company}
      noindex={alert.draft === true}
    >
      <article>
        {alert.draft ? (
          <DraftNote what="Inte publicerad: varningen är ett utkast och kan ändras." />
        ) : null}
        <p class="meta">
          Varning om <a href={companyPath(company.slug)}>{company.name}</a> · publicerad{' '}
          <time datetime={alert.published}>{formatDate(alert.published)}</time>
          {alert.updated ? (
            <>
              {' '}
              · uppdaterad <time datetime={alert.updated}>{formatDate(alert.updated)}</time>
            </>
          ) : null}
        </p>
        <h1>{alert.title}</h1>
        <ChannelTags channels={alert.channels} />
        <p>{alert.summary}</p>

        <h2>{genitive(company.name)} officiella kontaktvägar</h2>
        {company.officialFromDraft ? <DraftContactsNote /> : null}
        <OfficialContactsList official={company.official} companyName={company.name} />

        {alert.tips.length > 0 ? (
          <>
            <h2>Så känner du igen bedrägeriet</h2>
            <ul class="tips">
              {alert.tips.map((tip) => (
                <li>{tip}</li>
              ))}
            </ul>
          </>
        ) : null}

        {alert.reportedFakes.length > 0 ? (
          <>
            <h2>Kända falska avsändare och länkar</h2>
            <p class="hint">Visas oklickbart med [.] i stället för punkter. Besök dem inte.</p>
            <ul>
              {alert.reportedFakes.map((fake) => (
                <li>
                  <span class="fake">{defang(fake.value)}</span>
                  {fake.note ? ` – ${fake.note}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <GuidanceCallout />

        <h2>Källa</h2>
        <p>
          {sourceHref ? (
            <a href={sourceHref} rel="noopener noreferrer">
              {alert.source.title}
            </a>
          ) : (
            <cite>{alert.source.title}</cite>
          )}
          , {alert.source.publisher},{' '}
          <time datetime={alert.source.date}>{formatDate(alert.source.date)}</time>.
        </p>
        <p class="meta">
          <a href={companyPath(company.slug)}>Alla varningar om {company.name}</a>
        </p>
      </article>
    </Layout>
  )
}
