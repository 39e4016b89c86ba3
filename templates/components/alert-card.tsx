import type { Alert } from '../../src/core/alert-schema'
import { CHANNEL_LABELS, formatDate } from '../format'
import { DraftBadge } from './draft-badge'

export function ChannelTags({ channels }: { channels: readonly Alert['channels'][number][] }) {
  return (
    <ul class="tags" aria-label="Kanaler som utnyttjas">
      {channels.map((channel) => (
        <li>{CHANNEL_LABELS[channel]}</li>
      ))}
    </ul>
  )
}

/** One warning in a list: title, company, date, channels and summary. */
export function AlertCard({ alert }: { alert: Alert }) {
  return (
    <article class="card">
      <h2>
        {alert.draft ? (
          <>
            <DraftBadge />{' '}
          </>
        ) : null}
        <a href={`/alerts/${alert.id}`}>{alert.title}</a>
      </h2>
      <p class="meta">
        <a href={`/companies/${alert.company.slug}`}>{alert.company.name}</a> ·{' '}
        <time datetime={alert.published}>{formatDate(alert.published)}</time>
      </p>
      <ChannelTags channels={alert.channels} />
      <p>{alert.summary}</p>
    </article>
  )
}
