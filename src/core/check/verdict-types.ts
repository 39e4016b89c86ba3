import type { CandidateSource } from './candidate-types'
import type { ReasonCode } from './reasons'

/** The public contract of POST /api/check; keep it stable, clients depend on it. */
export type FindingKind = 'url' | 'domain' | 'email' | 'phone' | 'handle' | 'sender-id'
export type FindingStatus = 'official' | 'lookalike' | 'not-official' | 'unknown'
export type Verdict = 'official-contacts' | 'suspicious' | 'unknown'

/** One place a contact point was written: the text, the sender, a link's target or text… */
export interface FindingPlace {
  source: CandidateSource
  /** As written there. */
  value: string
}

export interface Finding {
  kind: FindingKind
  /** As written in the message (where the status was decided, if it appears several times). */
  value: string
  /** Registrable domain, lowercased address, E.164 number, platform:handle or sender name. */
  normalized: string
  status: FindingStatus
  /** One plain Swedish sentence. */
  reason: string
  company: string | null
  /** Why, as a stable code (see the README): official-host, lookalike-host, phone-near… */
  code: ReasonCode
  /** Every place the contact point appeared, in order. */
  places: FindingPlace[]
}

export interface RedFlag {
  id: string
  text: string
}

export interface CheckResult {
  verdict: Verdict
  company: { slug: string; name: string } | null
  findings: Finding[]
  redFlags: RedFlag[]
  alerts: { id: string; title: string }[]
}
