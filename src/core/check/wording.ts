import punycode from 'punycode.js'
import { SOCIAL_PLATFORMS, type SocialPlatform } from '../alert-schema'
import { defang } from '../domain'
import { genitive } from '../swedish'
import type { Resemblance } from './brand-match'
import type { CandidateSource } from './candidate-types'
import type { Hosting, Imitation, Reason } from './reasons'
import type { CheckResult, Finding, FindingKind } from './verdict-types'

/** A company's display name by slug (the wording never needs more of the records). */
export type CompanyNames = (slug: string) => string

const HOW: Record<Resemblance, string> = {
  'same-name': 'har samma namn men är en helt annan adress',
  contains: 'innehåller namnet med andra ord runt omkring',
  homoglyph:
    'använder tecken som liknar de rätta (till exempel rn för m, 1 för l, c för e eller bokstäver från andra alfabet)',
  split: 'är namnet delat med punkter, så att det ser ut som adressen men tillhör någon annan',
  omission: 'saknar en bokstav',
  insertion: 'har en extra bokstav',
  replacement: 'har en utbytt bokstav',
  repetition: 'har en dubblerad bokstav',
  transposition: 'har två bokstäver som bytt plats',
  bitsquatting: 'har en bokstav som skiljer sig med en enda bit (bitsquatting)',
  'vowel-swap': 'har en utbytt vokal',
  hyphenation: 'har ett extra bindestreck',
  addition: 'har en extra bokstav på slutet',
}

/** "länken … en av", "numret … ett av": the noun and the article its gender takes. */
const NOUN: Record<FindingKind, [string, 'en' | 'ett']> = {
  url: ['länken', 'en'],
  domain: ['adressen', 'en'],
  email: ['e-postadressen', 'en'],
  phone: ['numret', 'ett'],
  handle: ['kontot', 'ett'],
  'sender-id': ['avsändarnamnet', 'ett'],
}

/** "xn--jmfix-gra.com (jémfix.com)" so readers see what the browser would show. */
export function shownHost(hostname: string): string {
  if (!hostname.split('.').some((l) => l.startsWith('xn--'))) return hostname
  try {
    return `${hostname} (${punycode.toUnicode(hostname)})`
  } catch {
    return hostname
  }
}

function platformLabel(platform: SocialPlatform | null): string {
  return platform ? SOCIAL_PLATFORMS[platform].label : 'sociala medier'
}

function hostingName({ service, suffix }: Hosting): string {
  return service ? `${service} (${suffix})` : suffix
}

function imitates(names: CompanyNames, { slug, source, how }: Imitation): string {
  return how === 'same-name'
    ? `har samma namn som ${names(slug)} (${source}) men är en helt annan adress`
    : `liknar ${names(slug)} (${source}) men ${HOW[how]}`
}

/** What a link with a scheme other than http or https does, for the schemes scams use. */
const NOT_WEB: Record<string, string> = {
  javascript: 'Länken kör ett skript (javascript:) i stället för att öppna en webbsida',
  vbscript: 'Länken kör ett skript (vbscript:) i stället för att öppna en webbsida',
  data: 'Länken bär själv på en hel sida eller fil (data:) i stället för att gå till en webbadress',
  file: 'Länken öppnar en fil på en annan dator (file:) i stället för en webbsida, och kan lämna ut dina inloggningsuppgifter',
  intent: 'Länken (intent:) öppnar en app eller webbsida på Android som vi inte kan kontrollera',
}

const NOT_OFFICIAL_ADDRESS = 'det är inte en av företagets officiella adresser.'

/** One plain Swedish sentence (or two) for a reason. */
export function describeReason(reason: Reason, names: CompanyNames): string {
  const owner = (slug: string) => genitive(names(slug))
  switch (reason.code) {
    case 'official-host':
      return reason.host === reason.officialHost
        ? `${reason.officialHost} är en av ${owner(reason.slug)} officiella adresser.`
        : `${reason.host} hör till ${reason.officialHost}, en av ${owner(reason.slug)} officiella adresser.`
    case 'official-email':
      return `Adressen slutar på @${reason.officialHost}, som är ${owner(reason.slug)} officiella e-postdomän.`
    case 'official-forwards':
      return `${reason.officialHost} är en av ${owner(reason.slug)} officiella adresser, men länken skickar dig vidare till ${shownHost(reason.target)}, som inte är det.`
    case 'unicode-dots':
      return `Adressen är skriven med ett tecken som bara liknar en punkt (till exempel 。), som webbläsaren läser som punkt: den leder till ${reason.host}. Ett företag skriver aldrig sina adresser så; det är ett sätt att ta sig förbi filter.`
    case 'userinfo':
      return `Allt före @ i en länk ignoreras av webbläsaren: länken går till ${shownHost(reason.host)}, inte till ${reason.shown}.`
    case 'shown-official':
      return `Länken visar ${reason.shownHost}, som är ${owner(reason.slug)} officiella adress, men leder till ${shownHost(reason.host)}; ${NOT_OFFICIAL_ADDRESS}`
    case 'forwarded':
      return `Länken på ${reason.from} skickar dig vidare till ${shownHost(reason.host)}, som inte är en av ${reason.slug ? `${owner(reason.slug)} officiella adresser` : 'företagets officiella adresser'}.`
    case 'shortener':
      return `${reason.host} är en länkförkortare som döljer vart länken egentligen leder; företag som varnar för bedrägerier skickar inte sådana länkar.`
    case 'stacked':
      return `Adressen börjar med ${reason.officialHost} men tillhör ${shownHost(reason.host)}; bara det som står närmast före toppdomänen avgör vem som äger adressen.`
    case 'hosted':
      return `${shownHost(reason.host)} ${imitates(names, reason.imitation)}. Den ligger hos ${hostingName(reason.hosting)}, en tjänst där vem som helst kan skapa en egen webbplats; ${NOT_OFFICIAL_ADDRESS}`
    case 'lookalike-host':
      return `${shownHost(reason.host)} ${imitates(names, reason.imitation)}; ${NOT_OFFICIAL_ADDRESS}`
    case 'free-mail':
      return `${reason.host} är en gratis e-posttjänst där vem som helst kan skaffa en adress; inget företag skickar officiell e-post därifrån.`
    case 'ip-address':
      return `Länken går till en IP-adress (${reason.host}) i stället för ett namn; företag skickar inte sådana länkar.`
    case 'no-dot':
      return `Länken går till ${reason.host}, ett namn utan toppdomän som bara fungerar i ett internt nät eller på din egen dator${reason.imitation ? ` och som ${imitates(names, reason.imitation)}` : ''}; företag skickar inte sådana länkar.`
    case 'unlisted-suffix':
      return `${reason.host} slutar inte på någon riktig toppdomän${reason.imitation ? ` och ${imitates(names, reason.imitation)}` : ''}; företag skickar inte sådana länkar.`
    case 'too-long':
      return 'Adressen är längre än ett domännamn kan vara och kan inte vara en riktig webbplats.'
    case 'not-a-web-link':
      return `${NOT_WEB[reason.scheme] ?? `Länken använder ${reason.scheme}: i stället för en vanlig webbadress, så vi kan inte se vart den leder`}; företag skickar inte sådana länkar.`
    case 'unreadable-link':
      return 'Vi kan inte läsa säkert vart länken leder: den är skriven så att en webbläsare kan tolka den på ett annat sätt än vi. Öppna den inte.'
    case 'too-long-link':
      return `Länken är längre än de ${reason.limit.toLocaleString('sv-SE')} tecken vi kontrollerar, så vi kan inte se vart den leder. Öppna den inte.`
    case 'unknown-host':
      return `${shownHost(reason.host)} finns inte bland de officiella adresserna i våra varningar${reason.hosting ? `. Den ligger hos ${hostingName(reason.hosting)}, där vem som helst kan skapa en webbplats` : ''}.`
    case 'other-page': {
      const host = shownHost(reason.host)
      if (!reason.slug || reason.pages.length === 0) {
        return `På ${host} är bara enskilda företags sidor officiella i våra varningar, och den här sidan är inte en av dem; vem som står bakom den kan vi inte avgöra.`
      }
      return `På ${host} är bara ${reason.pages.join(', ')} bland ${owner(reason.slug)} officiella adresser i våra varningar, inte resten av ${host}; om den här sidan är deras kan vi inte avgöra.`
    }
    case 'official-phone':
      return `${reason.display} är ${owner(reason.slug)} officiella nummer${reason.label ? ` (${reason.label})` : ''}.`
    case 'phone-near':
      return `Numret skiljer sig med ${reason.digits === 1 ? 'en siffra' : 'två siffror'} från ${owner(reason.slug)} officiella nummer ${reason.display}; ring bara det officiella numret.`
    case 'unknown-phone':
      return 'Numret finns inte bland de officiella numren i våra varningar.'
    case 'official-handle':
      return `${reason.handle} är ${owner(reason.slug)} officiella konto på ${platformLabel(reason.platform)}.`
    case 'handle-elsewhere':
      return reason.platform
        ? `${names(reason.slug)} heter ${reason.handle} på ${platformLabel(reason.officialPlatform)}, inte på ${platformLabel(reason.platform)}.`
        : `${reason.handle} är ${owner(reason.slug)} konto på ${platformLabel(reason.officialPlatform)}; kontrollera att meddelandet verkligen kommer därifrån.`
    case 'lookalike-handle': {
      const how =
        reason.imitation.how === 'same-name'
          ? 'är ett annat konto med samma namn'
          : HOW[reason.imitation.how]
      const accounts = reason.official.map((a) => `${a.handle} på ${platformLabel(a.platform)}`)
      const hint = accounts.length > 0 ? ` (det officiella heter ${accounts.join(' och ')})` : ''
      return `Kontot ${reason.handle} liknar ${names(reason.imitation.slug)} men ${how}; det är inte företagets officiella konto${hint}.`
    }
    case 'unknown-handle':
      return `Kontot ${reason.handle} finns inte bland de officiella kontona i våra varningar.`
    case 'official-sender-id':
      return `${reason.name} är ett avsändarnamn som ${names(reason.slug)} själva uppger för sina sms. Men vem som helst kan skicka sms under vilket avsändarnamn som helst, så namnet bevisar inte ensamt att meddelandet kommer från företaget.`
    case 'sender-id-like':
      return `Avsändarnamnet ${reason.name} liknar ${names(reason.slug)}, men vem som helst kan skicka sms under vilket avsändarnamn som helst, så namnet bevisar inte vem som har skickat meddelandet. ${names(reason.slug)} uppger inga avsändarnamn i våra varningar.`
    case 'sender-id-unlisted':
      return `${names(reason.slug)} skickar sms från ${reason.listed.join(' och ')}, inte från ${reason.name}. Vem som helst kan skicka sms under vilket avsändarnamn som helst.`
    case 'unknown-sender-id':
      return `Avsändarnamnet ${reason.name} finns inte i våra varningar. Vem som helst kan skicka sms under vilket avsändarnamn som helst, så namnet bevisar inte vem som har skickat meddelandet.`
    case 'not-the-company':
      return `Meddelandet säger sig komma från ${names(reason.slug)}, men ${NOUN[reason.kind][0]} är inte ${NOUN[reason.kind][1]} av företagets officiella. ${describeReason(reason.inner, names)}`
  }
}

/** Where a contact point was written, as the result page says it. */
export const PLACE_TEXT: Record<CandidateSource, string> = {
  text: 'texten',
  sender: 'avsändaren',
  'link-target': 'länkens mål (dit du kommer om du klickar)',
  'link-text': 'länkens synliga text',
  query: 'inuti en annan länk',
}

/**
 * A contact point as the verdict shows it: anything not official that is or holds an address
 * (a link, a domain, an e-mail address, a profile link such as facebook.com/…) defanged, so
 * nothing becomes a link.
 */
export function shownValue(finding: Pick<Finding, 'kind' | 'value' | 'status'>): string {
  if (finding.status === 'official') return finding.value
  const isAddress =
    finding.kind === 'url' ||
    finding.kind === 'domain' ||
    finding.kind === 'email' ||
    (finding.kind === 'handle' && /[/:]/.test(finding.value))
  return isAddress ? defang(finding.value) : finding.value
}

const SUBJECT: Record<FindingKind, string> = {
  url: 'Länken',
  domain: 'Adressen',
  email: 'E-postadressen',
  phone: 'Numret',
  handle: 'Kontot',
  'sender-id': 'Avsändarnamnet',
}

/** One short line naming a contact point that is wrong, and what is wrong with it. */
function concreteReason(finding: Finding, names: CompanyNames): string {
  const subject = `${SUBJECT[finding.kind]} ${shownValue(finding)}`
  const company = finding.company ? names(finding.company) : null
  switch (finding.code) {
    case 'ip-address':
      return `${subject} går till en IP-adress i stället för ett namn.`
    case 'shortener':
      return `${subject} går via en länkförkortare som döljer vart den leder.`
    case 'free-mail':
      return `${subject} hör till en gratis e-posttjänst.`
    case 'shown-official':
      return `${subject} ser ut att gå till ${company ? `${genitive(company)} adress` : 'en officiell adress'} men leder någon annanstans.`
    case 'forwarded':
      return `${subject} döljs inuti en annan länk som skickar dig vidare dit.`
    case 'userinfo':
      return `${subject} ser ut att gå till en annan adress än den gör.`
    case 'not-a-web-link':
      return `${subject} är ingen vanlig webbadress.`
    case 'unreadable-link':
      return `${subject} går inte att läsa säkert, så vi kan inte se vart den leder.`
    case 'too-long-link':
      return `${subject} är för lång för att vi ska kunna se vart den leder.`
  }
  if (!company) {
    return finding.status === 'lookalike'
      ? `${subject} efterliknar ett företags kontaktväg.`
      : `${subject} är inte en officiell kontaktväg.`
  }
  const [lookalike, notOfficial] = CONCRETE[finding.kind]
  return `${subject} ${finding.status === 'lookalike' ? lookalike : notOfficial}`.replaceAll(
    '{company}',
    genitive(company),
  )
}

/** How the verdict box says a contact point imitates the company's, or is not the company's. */
const CONCRETE: Record<FindingKind, [string, string]> = {
  url: [
    'liknar {company} adress men tillhör någon annan.',
    'går inte till någon av {company} officiella adresser.',
  ],
  domain: [
    'liknar {company} adress men tillhör någon annan.',
    'är inte en av {company} officiella adresser.',
  ],
  email: [
    'liknar {company} adress men tillhör någon annan.',
    'är inte en av {company} officiella adresser.',
  ],
  phone: [
    'liknar {company} officiella nummer men är ett annat.',
    'är inte ett av {company} officiella nummer.',
  ],
  handle: [
    'liknar {company} konto men tillhör någon annan.',
    'är inte {company} officiella konto.',
  ],
  'sender-id': ['liknar {company} avsändarnamn.', 'är inte ett av {company} avsändarnamn.'],
}

/** The first sentence of a text. */
function firstSentence(text: string): string {
  return /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text
}

/**
 * "Alla … hör till jem & fix": every company whose contacts the message holds, since a
 * message may give the contacts of another company it names (a shop and the maker).
 */
function officialLead(result: CheckResult, company: string | null, names: CompanyNames): string {
  const owners = result.findings.flatMap((f) => (f.company ? [names(f.company)] : []))
  const list = [...new Set([...(company ? [company] : []), ...owners])]
  const whose =
    list.length > 1
      ? `${list.slice(0, -1).join(', ')} och ${list.at(-1)} enligt företagens egna varningar`
      : `${list[0] ?? 'företaget'} enligt företagets egen varning`
  return `Alla länkar, adresser, nummer och konton i meddelandet hör till ${whose}.`
}

/** What the verdict box says: a title, a lead sentence, the concrete reasons, and advice. */
export interface VerdictSummary {
  title: string
  lead: string
  reasons: string[]
  advice: string
}

const MAX_REASONS = 6

/**
 * The verdict in words that fit the case: the concrete reasons for a suspicious message
 * (the lookalike, the number that is not official, the warning sign that fired), advice
 * that names the company only when there is one, and an unknown verdict that agrees with
 * the company line.
 */
export function verdictSummary(result: CheckResult, names: CompanyNames): VerdictSummary {
  const company = result.company?.name ?? null
  const contacts = result.findings.filter((f) => f.kind !== 'sender-id')
  switch (result.verdict) {
    case 'suspicious': {
      const wrong = result.findings.filter(
        (f) => f.status === 'lookalike' || f.status === 'not-official',
      )
      const signs = result.redFlags.filter((f) => !f.id.startsWith('tip:'))
      const reasons = [
        ...wrong.map((f) => concreteReason(f, names)),
        ...signs.map((f) => firstSentence(f.text)),
      ]
      return {
        title: 'Misstänkt meddelande',
        lead: 'Vi reagerade på det här:',
        reasons: reasons.slice(0, MAX_REASONS),
        advice: company
          ? `Klicka inte på länkar, ring inte numren och lämna inga uppgifter. Kontakta ${company} på de officiella kontaktvägarna nedan om du är osäker.`
          : 'Klicka inte på länkar, ring inte numren och lämna inga uppgifter. Gäller det någon du känner: kontakta personen på ett sätt du redan vet är rätt, till exempel ett nummer du har sparat sedan tidigare.',
      }
    }
    case 'official-contacts':
      return {
        title: 'Kontaktvägarna är officiella',
        lead: officialLead(result, company, names),
        reasons: [],
        advice: result.findings.some((f) => f.kind === 'sender-id')
          ? 'Avsändare och avsändarnamn kan ändå förfalskas: lämna aldrig personliga uppgifter via en länk.'
          : 'Avsändare kan ändå förfalskas: lämna aldrig personliga uppgifter via en länk.',
      }
    case 'unknown':
      return {
        title: 'Vi kan inte avgöra meddelandet',
        lead: company
          ? `Meddelandet nämner ${company}, men innehåller inga länkar, adresser, nummer eller konton som vi kan jämföra med företagets officiella.`
          : contacts.length > 0
            ? 'Vi känner inte igen något företag i meddelandet, och kontaktvägarna i det finns inte i våra varningar.'
            : 'Vi hittade inga länkar, adresser, nummer eller konton och känner inte igen något företag i meddelandet.',
        reasons: [],
        advice: company
          ? `Det betyder inte att meddelandet är äkta. Kontakta ${company} på de officiella kontaktvägarna nedan om du är osäker.`
          : 'Det betyder inte att det är säkert: kontakta avsändaren på ett sätt du redan vet är rätt om du är osäker.',
      }
  }
}
