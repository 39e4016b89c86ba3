/** The public contract of POST /api/check; keep it stable, clients depend on it. */
export type FindingKind = 'url' | 'domain' | 'email' | 'phone' | 'handle'
export type FindingStatus = 'official' | 'lookalike' | 'not-official' | 'unknown'
export type Verdict = 'official-contacts' | 'suspicious' | 'unknown'

export interface Finding {
  kind: FindingKind
  /** As written in the message. */
  value: string
  /** Registrable domain, lowercased address, E.164 number or platform:handle. */
  normalized: string
  status: FindingStatus
  /** One plain Swedish sentence. */
  reason: string
  company: string | null
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
