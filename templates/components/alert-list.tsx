import type { Child } from 'hono/jsx'
import type { Channel } from '../../src/core/alert-schema'
import { type AlertFilter, type AlertListPage, listSearch } from '../../src/core/browse'
import { CHANNEL_LABELS, formatCount, formatNumber } from '../format'
import { AlertCard } from './alert-card'

/** The channels a reader can narrow to, in the order people ask about them. */
export const FILTER_CHANNELS: readonly Channel[] = [
  'sms',
  'email',
  'phone',
  'social',
  'web',
  'letter',
]

/**
 * Filters as a plain GET form, so they work without JavaScript and every result has a URL
 * that can be shared. The route turns its empty "all" values into the one canonical URL.
 */
export function FilterForm({
  filter,
  companies,
}: {
  filter: AlertFilter
  companies: readonly { slug: string; name: string }[]
}) {
  return (
    <form method="get" action="/" class="card filters" aria-label="Filtrera varningarna">
      <div>
        <label for="filter-channel">Kanal</label>
        <select id="filter-channel" name="channel">
          <option value="">Alla kanaler</option>
          {FILTER_CHANNELS.map((channel) => (
            <option value={channel} selected={channel === filter.channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-company">Företag</label>
        <select id="filter-company" name="company">
          <option value="">Alla företag</option>
          {companies.map((company) => (
            <option value={company.slug} selected={company.slug === filter.company}>
              {company.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Visa varningar</button>
    </form>
  )
}

/** "Visar 21–40 av 45 varningar", or the single count when everything fits on one page. */
function ResultCount({ list }: { list: AlertListPage }) {
  const text =
    list.pageCount === 1
      ? formatCount(list.total, 'varning', 'varningar')
      : `Visar ${formatNumber(list.first)}–${formatNumber(list.last)} av ${formatCount(list.total, 'varning', 'varningar')}`
  return <p class="meta result-count">{text}</p>
}

/** Newer and older pages, as links with stable URLs. */
function Pager({ list, filter }: { list: AlertListPage; filter: AlertFilter }) {
  if (list.pageCount === 1) return null
  return (
    <nav class="pager" aria-label="Sidor">
      {list.page > 1 ? (
        <a href={`/${listSearch(filter, list.page - 1)}`} rel="prev">
          ← Nyare varningar
        </a>
      ) : (
        <span />
      )}
      <span>
        Sida {formatNumber(list.page)} av {formatNumber(list.pageCount)}
      </span>
      {list.page < list.pageCount ? (
        <a href={`/${listSearch(filter, list.page + 1)}`} rel="next">
          Äldre varningar →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}

/** A page of warnings with its count and pager, or an empty state that offers a way on. */
export function AlertList({
  list,
  filter,
  emptyText,
}: {
  list: AlertListPage
  filter: AlertFilter
  emptyText: Child
}) {
  if (list.total === 0) {
    return (
      <p class="empty card">
        {emptyText} {filter.channel || filter.company ? <a href="/">Visa alla varningar</a> : null}
      </p>
    )
  }
  return (
    <>
      <ResultCount list={list} />
      {list.alerts.map((alert) => (
        <AlertCard alert={alert} />
      ))}
      <Pager list={list} filter={filter} />
    </>
  )
}
