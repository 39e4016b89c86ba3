import type { Alert } from '../alert-schema'

/** One subscriber's view of the digest question. */
export interface DigestSubscriber {
  /** Alerts first seen after this instant are new to the subscriber. */
  cursor: string | null
  /** Company slugs the subscriber chose; null means every company. */
  companies: readonly string[] | null
}

/**
 * The alerts one subscriber's digest carries: first seen by the site after the subscriber's
 * cursor and no later than the run's cut-off, for the companies they chose, newest first.
 * "First seen" rather than the record's date, so a record added late still reaches everyone.
 */
export function alertsForDigest(
  alerts: readonly Alert[],
  firstSeen: ReadonlyMap<string, string>,
  subscriber: DigestSubscriber,
  cutoff: string,
): Alert[] {
  return alerts.filter((alert) => {
    const seen = firstSeen.get(alert.id)
    if (!seen || seen > cutoff) return false
    if (subscriber.cursor && seen <= subscriber.cursor) return false
    return !subscriber.companies || subscriber.companies.includes(alert.company.slug)
  })
}
