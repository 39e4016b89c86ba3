import type { OfficialContacts } from './alert-schema'
import { type Catalog, officialHostsOf, pageName, type ValidatedRecord } from './catalog'
import {
  buildContactIndex,
  type ContactCandidate,
  type ContactIndex,
  extractContacts,
  type Judgment,
  judgeCandidate,
} from './check'
import { nameTokens } from './check/company-names'
import { officialPageOf, sharedHostOf } from './check/hosting'
import { indexLimitedTo } from './check/index-without'
import type { RecordIssue } from './record-issues'

/**
 * Things worth an editor's second look that are not errors: `npm run validate` prints them
 * with file and field and still passes. Pure; `today` (YYYY-MM-DD) is the injected clock.
 */
export function catalogWarnings(
  records: readonly ValidatedRecord[],
  catalog: Catalog,
  today: string,
): RecordIssue[] {
  return [
    ...records.flatMap((record) => recordWarnings(record, today)),
    ...records.flatMap(pageOnlyWebsites),
    ...sameCompanyTwice(records),
    ...lookalikeContacts(records, catalog),
  ]
}

function recordWarnings({ alert, file }: ValidatedRecord, today: string): RecordIssue[] {
  const warnings: RecordIssue[] = []
  if (alert.source.date > today) {
    warnings.push({
      file,
      path: 'source.date',
      message: `${alert.source.date} is after today (${today}); a source cannot be dated in the future, check the date`,
    })
  }
  if (alert.tips.length === 0) {
    warnings.push({
      file,
      path: 'tips',
      message:
        'no tips: readers get no advice on how to recognise the scam; add the source’s advice',
    })
  }
  return warnings
}

/**
 * A website written with a path on a host that is neither a known shared host nor one of the
 * record's own hosts: the checker calls only that page official (and pages under it), so a
 * genuine link to another page of a host the company owns would not be. Often the source just
 * linked a subpage (jemfix.com/kontakt) of the company's own site.
 */
function pageOnlyWebsites({ alert, file }: ValidatedRecord): RecordIssue[] {
  const official = alert.official
  if (!official) return []
  const own = officialHostsOf(official)
  return official.websites.flatMap((website, i) => {
    const page = officialPageOf(new URL(website))
    if (!page || sharedHostOf(page.host)) return []
    if (own.some((host) => page.host === host || page.host.endsWith(`.${host}`))) return []
    return {
      file,
      path: `official.websites[${i}]`,
      message: `counts as the page ${pageName(page)} only, not the rest of ${page.host}; if the company owns ${page.host}, list https://${page.host}/ instead`,
    }
  })
}

/** A company name as compared across slugs: "jem & fix", "Jem och Fix" and "jemfix" agree. */
function nameKey(name: string): string {
  return nameTokens(name)
    .filter((token) => token !== '&')
    .join('')
}

/** A company recorded under two slugs: a name or alias of one is a name or alias of the other. */
function sameCompanyTwice(records: readonly ValidatedRecord[]): RecordIssue[] {
  const seen = new Map<string, { slug: string; name: string; file: string }>()
  const reported = new Set<string>()
  const warnings: RecordIssue[] = []
  for (const { alert, file } of records) {
    const { slug, name, aliases } = alert.company
    for (const spelling of [name, ...aliases]) {
      const key = nameKey(spelling)
      if (key.length < 3) continue
      const first = seen.get(key)
      if (!first) {
        seen.set(key, { slug, name, file })
        continue
      }
      const pair = [first.slug, slug].sort().join(' ')
      if (first.slug === slug || reported.has(pair)) continue
      reported.add(pair)
      warnings.push({
        file,
        path: 'company.slug',
        message: `"${name}" (${slug}) and "${first.name}" (${first.slug}, ${first.file}) read as the same name ("${spelling}"); if they are one company, use one slug`,
      })
    }
  }
  return warnings
}

/** Each official contact of a record, with its field path and how to read it as a candidate. */
function officialContacts(official: OfficialContacts): { path: string; written: string }[] {
  return [
    ...official.websites.map((url, i) => ({ path: `official.websites[${i}]`, written: url })),
    ...official.emailDomains.map((domain, i) => ({
      path: `official.emailDomains[${i}]`,
      written: domain,
    })),
    ...official.phones.map((phone, i) => ({
      path: `official.phones[${i}]`,
      written: phone.display,
    })),
    ...official.social.map((account, i) => ({
      path: `official.social[${i}]`,
      written: account.url,
    })),
  ]
}

/**
 * Official contacts that the checker judges a lookalike of another company's: a typo in a
 * domain, a number a digit or two off, an account imitating another brand. A company's
 * contacts are judged against the companies recorded before it (records in file order,
 * drafts last), so its own contacts cannot hide the resemblance and each pair is reported
 * once, on the record that came later: the likelier typo, and the draft when there is one.
 */
function lookalikeContacts(records: readonly ValidatedRecord[], catalog: Catalog): RecordIssue[] {
  const index = buildContactIndex(catalog)
  const warnings: RecordIssue[] = []
  // The position of each company's first record with official contacts.
  const order = new Map<string, number>()
  for (const { alert, file } of records) {
    const slug = alert.company.slug
    if (!alert.official || order.has(slug)) continue
    const position = order.size
    order.set(slug, position)
    const others = indexLimitedTo(index, (other) => (order.get(other) ?? position) < position)
    for (const { path, written } of officialContacts(alert.official)) {
      const candidate = extractContacts(written).candidates[0]
      const judgment = candidate ? judgeCandidate(others, candidate) : null
      if (candidate && judgment?.status === 'lookalike' && judgment.company) {
        warnings.push({ file, path, message: describeLookalike(candidate, judgment, index) })
      }
    }
  }
  return warnings
}

function describeLookalike(
  candidate: ContactCandidate,
  { reason, company }: Judgment,
  index: ContactIndex,
): string {
  const other = index.companies.get(company ?? '')
  const name = other?.name ?? company
  if (reason.code === 'phone-near') {
    return `"${candidate.value}" is ${reason.digits} digit${reason.digits === 1 ? '' : 's'} from ${name}'s ${reason.display}; a typo, or a scammer's number?`
  }
  const imitated = 'imitation' in reason && reason.imitation ? ` (${reason.imitation.source})` : ''
  const how = 'imitation' in reason && reason.imitation ? `, ${reason.imitation.how}` : ''
  return `"${candidate.value}" looks like a contact of ${name}${imitated} (${reason.code}${how}); a typo, or another company's lookalike? Check it against the source`
}
