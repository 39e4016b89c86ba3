import { isBrandLike } from './brand-match'
import { nameTokens } from './company-names'
import type { ContactIndex } from './contact-index'
import { type ExtractedItem, extractItems, extractSender, type WordTests } from './extract'
import { judgeItem } from './judge'
import { redFlagsOf } from './red-flags'
import type { CheckResult, Finding } from './verdict-types'

/** What a reader pasted: the message, and optionally who it came from. */
export interface CheckInput {
  text: string
  sender?: string | undefined
}

/** Companies named in the text, by name or alias, most mentioned first. */
export function companiesNamedIn(index: ContactIndex, text: string): string[] {
  const tokens = nameTokens(text)
  const counts = new Map<string, number>()
  for (let i = 0; i < tokens.length; i++) {
    for (const name of index.names.get(tokens[i]!) ?? []) {
      if (name.tokens.every((t, k) => tokens[i + k] === t)) {
        counts.set(name.slug, (counts.get(name.slug) ?? 0) + 1)
      }
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([slug]) => slug)
}

const KIND_NOUN: Record<Finding['kind'], string> = {
  url: 'länk',
  domain: 'adress',
  email: 'e-postadress',
  phone: 'nummer',
  handle: 'konto',
}

/** An item unrelated to any known company, in a message about one company, is not theirs. */
function notOfficialFor(index: ContactIndex, finding: Finding, slug: string): Finding {
  const name = index.companies.get(slug)?.name ?? slug
  return {
    ...finding,
    status: 'not-official',
    company: slug,
    reason: `Meddelandet säger sig komma från ${name}, men den här ${KIND_NOUN[finding.kind]}en är inte en av företagets officiella. ${finding.reason}`,
  }
}

/**
 * Checks a pasted message: finds every contact point in it and its sender, judges each
 * against the official contacts of every company in the records, recognizes the company
 * the message claims to be from, and gives an overall verdict.
 */
export function checkMessage(index: ContactIndex, input: CheckInput): CheckResult {
  const words: WordTests = {
    isBrandLike: (word) => isBrandLike(index, word),
    isKnownHandle: (word) => index.handlesAnyPlatform.has(word),
  }
  const items: ExtractedItem[] = extractItems(input.text, words)
  let displayName = ''
  if (input.sender?.trim()) {
    const sender = extractSender(input.sender, input.text, words)
    items.unshift(...sender.items)
    displayName = sender.displayName
  }

  let findings = items.map((item) => judgeItem(index, item)).filter((f): f is Finding => f !== null)
  const named = companiesNamedIn(index, `${displayName}\n${input.text}`)
  const byContacts = findings
    .filter((f) => f.company && (f.status === 'official' || f.status === 'lookalike'))
    .map((f) => f.company!)
  const slug = named[0] ?? mostCommon(byContacts) ?? null
  const company = slug ? index.companies.get(slug) : undefined

  if (company) {
    findings = findings.map((f) =>
      f.status === 'unknown'
        ? notOfficialFor(index, f, company.slug)
        : f.status === 'not-official' && !f.company
          ? { ...f, company: company.slug }
          : f,
    )
  }
  const hasLink = findings.some((f) => f.kind === 'url' || f.kind === 'domain')
  const patterns = redFlagsOf(`${displayName}\n${input.text}`, hasLink)
  const tips = company
    ? company.tips.map((text, i) => ({ id: `tip:${company.slug}:${i + 1}`, text }))
    : []

  const anySuspicious = findings.some(
    (f) => f.status === 'lookalike' || f.status === 'not-official',
  )
  // A message naming a company but holding no contact point proves nothing: it stays unknown.
  const verdict =
    anySuspicious || patterns.length > 0
      ? 'suspicious'
      : company && findings.length > 0 && findings.every((f) => f.status === 'official')
        ? 'official-contacts'
        : 'unknown'

  return {
    verdict,
    company: company ? { slug: company.slug, name: company.name } : null,
    findings,
    redFlags: [...patterns, ...tips],
    alerts: company?.alerts ?? [],
  }
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
}
