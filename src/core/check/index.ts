/**
 * The checker's stable entry points, for the /check page and API and for features built
 * on them later (drafting a record from an article, looking up one number or domain).
 *
 * The pipeline runs one way: extractContacts (text → typed candidates with evidence, no
 * records needed) → judgeCandidate (candidate → status and reason code) → decide (findings,
 * company, verdict) → describeReason (reason code → Swedish sentence). checkMessage runs it
 * all. lookup (src/core/lookup) runs the same stages on a search query.
 */

export {
  type ArticleCandidate,
  type EmailDomainCandidate,
  extractArticleContacts,
} from './article-contacts'
export type {
  CandidateSource,
  ContactCandidate,
  Evidence,
  Extraction,
  Host,
  HostType,
} from './candidate-types'
export { extractContacts, extractSender } from './candidates'
export { type CheckInput, checkMessage, presentFinding } from './check-message'
export { nameTokens } from './company-names'
export { buildContactIndex, type ContactIndex } from './contact-index'
export { HANDLE } from './handles'
export { isSharedHost, type OfficialPage, officialPageOf } from './hosting'
export { type Judgment, judgeCandidate } from './judge'
export { LIMITS } from './limits'
export type { Reason, ReasonCode } from './reasons'
export { companiesNamedIn, decide, type JudgedFinding, mergeFindings } from './verdict'
export type {
  CheckResult,
  Finding,
  FindingKind,
  FindingPlace,
  FindingStatus,
  RedFlag,
  Verdict,
} from './verdict-types'
export { type CompanyNames, describeReason, shownValue } from './wording'
