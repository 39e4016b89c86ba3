import { extractContacts, extractSender } from './candidates'
import type { ContactIndex } from './contact-index'
import { judgeReadings } from './judge'
import { decide, type JudgedFinding } from './verdict'
import type { CheckResult, Finding } from './verdict-types'
import { type CompanyNames, describeReason } from './wording'

/** What a reader pasted: the message, and optionally who it came from. */
export interface CheckInput {
  text: string
  sender?: string | undefined
}

/** A judged contact point as the API and the pages show it: its reason put into words. */
export function presentFinding(finding: JudgedFinding, names: CompanyNames): Finding {
  return {
    kind: finding.kind,
    value: finding.value,
    normalized: finding.normalized,
    status: finding.status,
    reason: describeReason(finding.reason, names),
    company: finding.company,
    code: finding.reason.code,
    places: finding.places,
  }
}

/**
 * Checks a pasted message in one direction: contact points are extracted from the text and
 * the sender (extractContacts, extractSender), each is judged against the records
 * (judgeReadings), the judgments are merged into a verdict (decide), and only then put
 * into words (describeReason).
 */
export function checkMessage(index: ContactIndex, input: CheckInput): CheckResult {
  const sender = input.sender?.trim()
    ? extractSender(input.sender, input.text)
    : { candidates: [], names: '' }
  const extraction = extractContacts(input.text)
  const judged = [...sender.candidates, ...extraction.candidates].flatMap((candidate) =>
    judgeReadings(index, candidate).map((judgment) => ({ candidate, judgment })),
  )
  const decision = decide(index, judged, {
    text: input.text,
    senderNames: sender.names,
    truncated: extraction.truncated,
  })
  const names: CompanyNames = (slug) => index.companies.get(slug)?.name ?? slug
  const company = decision.company ? index.companies.get(decision.company) : undefined
  const tips = company
    ? company.tips.map((text, i) => ({ id: `tip:${company.slug}:${i + 1}`, text }))
    : []
  return {
    verdict: decision.verdict,
    company: company ? { slug: company.slug, name: company.name } : null,
    findings: decision.findings.map((f) => presentFinding(f, names)),
    redFlags: [...decision.redFlags, ...tips],
    alerts: company?.alerts ?? [],
  }
}
