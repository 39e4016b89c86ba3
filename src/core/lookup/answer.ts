import { SOCIAL_PLATFORMS } from '../alert-schema'
import {
  type CompanyNames,
  describeReason,
  type FindingKind,
  type JudgedFinding,
  type Reason,
  shownValue,
} from '../check'
import { genitive } from '../swedish'

const NOUN: Record<FindingKind, string> = {
  url: 'adress',
  domain: 'adress',
  email: 'e-postadress',
  phone: 'nummer',
  handle: 'konto',
  'sender-id': 'avsändarnamn',
}

/** "den" for an address (en adress), "det" for a number or an account (ett nummer, ett konto). */
const PRONOUN: Record<FindingKind, 'den' | 'det'> = {
  url: 'den',
  domain: 'den',
  email: 'den',
  phone: 'det',
  handle: 'det',
  'sender-id': 'det',
}

/**
 * A searched value as the answer shows it: an official one as written, anything else
 * defanged (a profile link too), the same as on the /check page.
 */
export const shownQueryValue = shownValue

/** "jemofixsverige på Instagram": an account and the platform it was looked up on. */
function accountOf(reason: Reason): string | null {
  if (!('handle' in reason)) return null
  const platform = 'platform' in reason ? reason.platform : null
  return platform ? `${reason.handle} på ${SOCIAL_PLATFORMS[platform].label}` : reason.handle
}

/** The official address or number a lookalike imitates, when the reason names one. */
function imitated(reason: Reason): string | null {
  switch (reason.code) {
    case 'lookalike-host':
    case 'hosted':
      return reason.imitation.source
    case 'no-dot':
    case 'unlisted-suffix':
      return reason.imitation?.source ?? null
    case 'stacked':
      return reason.officialHost
    case 'unicode-dots':
      return reason.host
    case 'shown-official':
      return reason.shownHost
    case 'userinfo':
      return reason.shown
    case 'phone-near':
      return reason.display
    default:
      return null
  }
}

/**
 * The answer to one searched contact point, in a sentence: "046-28 52 900 är jem & fix:s
 * officiella nummer (Kundtjänst).", "jemfix-support[.]se är inte jem & fix:s; den liknar
 * jemfix.com.", "Vi har inga uppgifter om …". An official one is answered with the checker's
 * own reason; for the others the checker's reason follows as the explanation.
 */
export function lookupAnswer(finding: JudgedFinding, names: CompanyNames): string {
  if (finding.status === 'official') return describeReason(finding.reason, names)
  const subject =
    (finding.kind === 'handle' ? accountOf(finding.reason) : null) ?? shownQueryValue(finding)
  const owner = finding.company ? genitive(names(finding.company)) : null
  switch (finding.status) {
    case 'lookalike': {
      if (!owner) return `${subject} efterliknar ett företags ${NOUN[finding.kind]}.`
      if (finding.kind === 'handle') return `${subject} är inte ${owner} konto.`
      const like = imitated(finding.reason)
      return like
        ? `${subject} är inte ${owner}; ${PRONOUN[finding.kind]} liknar ${like}.`
        : `${subject} är inte ${owner}.`
    }
    case 'not-official':
      return owner
        ? `${subject} är inte ${owner}.`
        : `${subject} är inte något företags officiella ${NOUN[finding.kind]}.`
    case 'unknown':
      return owner
        ? `Vi kan inte avgöra om ${subject} är ${owner}.`
        : `Vi har inga uppgifter om ${subject}.`
  }
}
