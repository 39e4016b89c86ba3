import { type Alert, type OfficialContacts, smsSenderKey } from './alert-schema'
import { websiteAccountsOf } from './check/handles'
import {
  HOSTING_SUFFIXES,
  isBareHost,
  type OfficialPage,
  officialPageOf,
  pageHostOf,
  sharedHostOf,
} from './check/hosting'
import { normalizeHostname } from './domain'
import { InvalidRecordsError, type RecordIssue } from './record-issues'
import { parseRecord, type RecordFile } from './records'

/** A company with its official contacts and all its warnings, newest first. */
export interface Company {
  slug: string
  name: string
  aliases: string[]
  official: OfficialContacts
  alerts: Alert[]
  /** Set in the preview when the official contacts shown come from a draft record. */
  officialFromDraft?: true
}

/** Every record, validated and indexed; immutable once built. */
export interface Catalog {
  /** Newest first. */
  alerts: readonly Alert[]
  alertsById: ReadonlyMap<string, Alert>
  companies: ReadonlyMap<string, Company>
}

const EMPTY_CONTACTS: OfficialContacts = { websites: [], emailDomains: [], phones: [], social: [] }

/** Newest published first; ties broken by id so the order is stable everywhere. */
export function compareNewestFirst(a: Alert, b: Alert): number {
  return b.published.localeCompare(a.published) || a.id.localeCompare(b.id)
}

/** The date a reader should see as "last changed". */
export function lastChanged(alert: Alert): string {
  return alert.updated ?? alert.published
}

/** The latest of some ISO dates (they sort as text); undefined for none. */
export function latestOf(dates: Iterable<string>): string | undefined {
  let latest: string | undefined
  for (const date of dates) if (!latest || date > latest) latest = date
  return latest
}

/** Which records a catalog serves: the published ones, or those and the drafts (preview). */
export interface CatalogOptions {
  /**
   * `exclude` (the default, every published surface): records with `draft: true` are left
   * out. `preview`: drafts are served too, each in place of a published record with its id.
   */
  drafts?: 'exclude' | 'preview'
}

/**
 * Validates every file and the rules that span files (unique ids, one name and one set of
 * official contacts per company, no domain, number, account or SMS sender name claimed by
 * two companies).
 * Returns every problem at once so that one run of `npm run validate` lists them all, and
 * the drafts among the files, which the catalog leaves out unless it is a preview, and the
 * records it serves (with their files, for messages).
 */
export function buildCatalog(
  files: readonly RecordFile[],
  options: CatalogOptions = {},
): CatalogResult & { drafts: ValidatedRecord[]; records: ValidatedRecord[] } {
  const issues: RecordIssue[] = []
  const parsed: ValidatedRecord[] = []
  for (const file of files) {
    const result = parseRecord(file)
    if (result.ok) parsed.push(result)
    else issues.push(...result.issues)
  }
  const drafts = parsed.filter((record) => record.alert.draft === true)
  const records = servedRecords(parsed, options)
  const assembled = assembleServed(records)
  return issues.length > 0
    ? { catalog: null, issues: [...issues, ...assembled.issues], drafts, records }
    : { ...assembled, drafts, records }
}

/** A record that passed the schema, with the file it came from (for messages). */
export interface ValidatedRecord {
  alert: Alert
  file: string
}

export type CatalogResult =
  | { catalog: Catalog; issues: [] }
  | { catalog: null; issues: RecordIssue[] }

/**
 * The records a catalog serves: without drafts, or (preview) with each draft in place of the
 * published record with its id, and the other drafts after the published records.
 */
export function servedRecords(
  records: readonly ValidatedRecord[],
  options: CatalogOptions = {},
): ValidatedRecord[] {
  const published = records.filter((record) => record.alert.draft !== true)
  if (options.drafts !== 'preview') return published
  const drafts = new Map<string, ValidatedRecord>()
  for (const record of records) if (record.alert.draft === true) drafts.set(record.alert.id, record)
  const served = published.map((record) => {
    const draft = drafts.get(record.alert.id)
    drafts.delete(record.alert.id)
    return draft ?? record
  })
  const remaining = records.filter(
    (record) => record.alert.draft === true && drafts.get(record.alert.id) === record,
  )
  return [...served, ...remaining]
}

/**
 * The rules between records, and the indexes. Takes records already validated one by one,
 * so the Worker can build its catalog from records validated at build time without
 * parsing YAML or running the schema again at start-up. Drafts are left out unless
 * `options.drafts` is `preview`.
 */
export function assembleCatalog(
  records: readonly ValidatedRecord[],
  options: CatalogOptions = {},
): CatalogResult {
  return assembleServed(servedRecords(records, options))
}

/** The rules between the records a catalog serves, and its indexes. */
function assembleServed(parsed: readonly ValidatedRecord[]): CatalogResult {
  const issues: RecordIssue[] = []
  const fileOfId = new Map<string, string>()
  const companies = new Map<string, Company & { officialFrom?: string }>()
  for (const { alert, file } of parsed) {
    const firstFile = fileOfId.get(alert.id)
    if (firstFile) {
      issues.push({ file, path: 'id', message: `"${alert.id}" is already used by ${firstFile}` })
      continue
    }
    fileOfId.set(alert.id, file)

    let company = companies.get(alert.company.slug)
    if (!company) {
      company = { ...alert.company, official: EMPTY_CONTACTS, alerts: [] }
      companies.set(alert.company.slug, company)
    } else if (company.name !== alert.company.name) {
      issues.push({
        file,
        path: 'company.name',
        message: `"${alert.company.name}" differs from "${company.name}" used for ${alert.company.slug} in another record`,
      })
    }
    company.aliases = [...new Set([...company.aliases, ...alert.company.aliases])]
    if (alert.official) {
      if (!company.officialFrom) {
        company.official = alert.official
        company.officialFrom = file
        if (alert.draft === true) company.officialFromDraft = true
      } else if (JSON.stringify(company.official) !== JSON.stringify(alert.official)) {
        issues.push({
          file,
          path: 'official',
          message: `differs from the official contacts of ${alert.company.slug} in ${company.officialFrom}; define them once or keep them identical`,
        })
      }
    }
    company.alerts.push(alert)
  }

  issues.push(...contactsClaimedTwice(companies), ...wholeSharedHosts(companies))
  for (const company of companies.values()) {
    if (!company.officialFrom) {
      issues.push({
        file: company.alerts[0] ? (fileOfId.get(company.alerts[0].id) ?? '?') : '?',
        path: 'official',
        message: `no record defines the official contacts of ${company.slug}`,
      })
    }
  }
  if (issues.length > 0) return { catalog: null, issues }

  const alerts = parsed.map((p) => p.alert).sort(compareNewestFirst)
  const result = new Map<string, Company>()
  for (const { officialFrom: _ignored, ...company } of companies.values()) {
    result.set(company.slug, { ...company, alerts: company.alerts.sort(compareNewestFirst) })
  }
  return {
    catalog: { alerts, alertsById: new Map(alerts.map((a) => [a.id, a])), companies: result },
    issues: [],
  }
}

/** Like buildCatalog, but throws InvalidRecordsError so a server never serves half the data. */
export function loadCatalog(files: readonly RecordFile[]): Catalog {
  const { catalog, issues } = buildCatalog(files)
  if (!catalog) throw new InvalidRecordsError(issues)
  return catalog
}

/**
 * The hostnames a company's contacts live on (websites written as a bare host, and e-mail
 * domains), normalized and without www.: what the checker calls official and what no two
 * companies may share. A website written with a path is a page (officialPagesOf), not a host.
 */
export function officialHostsOf(official: OfficialContacts): string[] {
  const websites = official.websites
    .map((url) => new URL(url))
    .filter((url) => !officialPageOf(url))
  const hosts = [...websites.map((url) => url.hostname), ...official.emailDomains]
  return [...new Set(hosts.map((h) => (normalizeHostname(h) ?? h).replace(/^www\./, '')))]
}

/**
 * The websites written with a path or a query (jemfix.com/sv, facebook.com/jemfix,
 * play.google.com/store/apps/details?id=…): official as that page and the pages under it,
 * never as the whole host, whoever the host belongs to.
 */
export function officialPagesOf(official: OfficialContacts): OfficialPage[] {
  return official.websites.flatMap((url) => officialPageOf(new URL(url)) ?? [])
}

/** A page as the catalog names it: host, path and query. */
export function pageName({ host, path, query }: OfficialPage): string {
  return `${host}${path}${query}`
}

/**
 * Websites written as the root of a host where anyone publishes (https://www.facebook.com/,
 * https://play.google.com/, https://tumblr.com/ whose subdomains are blogs): every page
 * there, a scammer's too, would be official.
 */
function wholeSharedHosts(
  companies: ReadonlyMap<string, Company & { officialFrom?: string }>,
): RecordIssue[] {
  return [...companies.values()].flatMap((company) =>
    company.official.websites.flatMap((website, i) => {
      const url = new URL(website)
      const host = pageHostOf(url.hostname)
      const shared = !isBareHost(url)
        ? null
        : (sharedHostOf(host) ?? (HOSTING_SUFFIXES.includes(host) ? host : null))
      if (!shared) return []
      return {
        file: company.officialFrom ?? '?',
        path: `official.websites[${i}]`,
        message: `${website} is the whole of ${shared}, where anyone can publish a page: every page there would be official; write the company's own page (${shared}/…)`,
      }
    }),
  )
}

function contactsClaimedTwice(
  companies: ReadonlyMap<string, Company & { officialFrom?: string }>,
): RecordIssue[] {
  const owner = new Map<string, string>()
  const issues: RecordIssue[] = []
  for (const company of companies.values()) {
    const keys = [
      ...officialHostsOf(company.official).map((host) => `domain ${host}`),
      ...officialPagesOf(company.official).map((page) => `website ${pageName(page)}`),
      ...company.official.phones.map((p) => `number ${p.number}`),
      ...[...company.official.social, ...websiteAccountsOf(company.official.websites)].map(
        (s) => `${s.platform} account ${s.handle.toLowerCase()}`,
      ),
      ...(company.official.smsSenders ?? []).map((name) => `SMS sender ${smsSenderKey(name)}`),
    ]
    for (const key of new Set(keys)) {
      const other = owner.get(key)
      if (other && other !== company.slug) {
        issues.push({
          file: company.officialFrom ?? '?',
          path: 'official',
          message: `${key} is also an official contact of ${other}`,
        })
      }
      owner.set(key, company.slug)
    }
  }
  return [...issues, ...pagesInsideOthers(companies)]
}

/**
 * Pages under another company's official host or page (company B lists jemfix.com/kampanj
 * where A owns jemfix.com, or facebook.com/jemfix/x under A's facebook.com/jemfix): the checker
 * could only call such a link one company's.
 */
function pagesInsideOthers(
  companies: ReadonlyMap<string, Company & { officialFrom?: string }>,
): RecordIssue[] {
  const owners = new Map<string, string>()
  for (const company of companies.values()) {
    for (const host of officialHostsOf(company.official)) owners.set(host, company.slug)
    for (const page of officialPagesOf(company.official)) {
      if (!page.query) owners.set(`${page.host}${page.path}`, company.slug)
    }
  }
  const issues: RecordIssue[] = []
  for (const company of companies.values()) {
    for (const page of officialPagesOf(company.official)) {
      const labels = page.host.split('.')
      const segments = page.path.split('/').slice(1)
      // The host and its parents, then each path above the page (and the page's own, when
      // the page is one query of it).
      const above = segments.length - (page.query ? 0 : 1)
      const outer = [
        ...labels.map((_, i) => labels.slice(i).join('.')),
        ...segments
          .slice(0, above)
          .map((_, i) => `${page.host}/${segments.slice(0, i + 1).join('/')}`),
      ]
      const inside = outer.find((key) => (owners.get(key) ?? company.slug) !== company.slug)
      if (inside) {
        issues.push({
          file: company.officialFrom ?? '?',
          path: 'official.websites',
          message: `website ${pageName(page)} is under ${inside}, an official contact of ${owners.get(inside)}`,
        })
      }
    }
  }
  return issues
}
