import {
  CHANNELS,
  type Channel,
  type Phone,
  type Provenance,
  type ProvenanceField,
  type ReviewItem,
  type SocialAccount,
  type SocialPlatform,
} from '../alert-schema'
import { type ArticleCandidate, extractArticleContacts } from '../check'
import { registrableDomain } from '../domain'
import { genitive } from '../swedish'
import type { Article } from './articles'
import { type CompanyFound, companyKey, findCompanies, genitiveMention } from './companies'
import { type ContactRole, clauseAt, phoneLabel, sentenceRoles } from './contact-roles'
import { splitSentences } from './sentences'
import { CHANNEL_WORDS, EMAIL_CONTEXT, FRAUD_WORDS } from './signals'
import { isAdvice, MAX_TIP_LENGTH, tipFrom } from './tips'

/** A record as the draft tool writes it: valid under the schema, marked as a draft. */
export interface DraftRecord {
  id: string
  draft: true
  title: string
  summary: string
  published: string
  language: 'sv'
  company: { slug: string; name: string; aliases: string[] }
  channels: Channel[]
  official: {
    websites: string[]
    emailDomains: string[]
    phones: Phone[]
    social: SocialAccount[]
    smsSenders?: string[]
  }
  tips: string[]
  reportedFakes: { value: string; note?: string }[]
  source: { title: string; publisher: string; date: string }
  provenance: Provenance[]
  review: ReviewItem[]
}

/** A company already in the records, so a draft about it uses its slug and name. */
export interface KnownCompany {
  slug: string
  name: string
  aliases: readonly string[]
}

export type ArticleReading =
  | { kind: 'no-draft'; reason: string }
  | { kind: 'drafts'; drafts: DraftRecord[] }

/** What a publisher is called in a draft until an editor names it (a review item says so). */
export const UNKNOWN_PUBLISHER = 'Okänd – ange utgivaren'

/** One sentence of the body, with the paragraph it belongs to. */
interface BodySentence {
  text: string
  paragraph: number
}

function bodySentences(article: Article): BodySentence[] {
  return article.paragraphs.flatMap((paragraph, i) =>
    paragraph.heading
      ? []
      : splitSentences(paragraph.text).map((sentence) => ({ text: sentence.text, paragraph: i })),
  )
}

/** Lowercase ASCII slug: "jem & fix" → jem-fix, "Lagerlådan" → lagerladan. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}

/** "a, b och c" (or "a, b and c" for the editors' messages, which are in English). */
function listed(items: readonly string[], and = 'och'): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`
}

const CHANNEL_NOUNS: Record<Channel, { fakes: string; via: string }> = {
  sms: { fakes: 'sms', via: 'sms' },
  email: { fakes: 'mejl', via: 'e-post' },
  phone: { fakes: 'samtal', via: 'telefonsamtal' },
  social: { fakes: 'konton i sociala medier', via: 'sociala medier' },
  web: { fakes: 'webbplatser', via: 'falska webbplatser' },
  letter: { fakes: 'brev', via: 'brev' },
}

/** Spellings people use for a name with "&": jem och fix, jem o fix, jemfix, jemofix. */
function aliasesOf(name: string): string[] {
  const sides = name.split(/\s*&\s*/)
  if (sides.length !== 2 || !sides[0] || !sides[1]) return []
  const [a, b] = sides as [string, string]
  const joined = (glue: string) => `${a}${glue}${b}`.replace(/\s+/g, '')
  return [`${a} och ${b}`, `${a} o ${b}`, joined(''), joined('o')]
}

/** The channels a warning names: in its title and in the sentences about the scam. */
function channelsOf(article: Article, sentences: readonly BodySentence[]): Channel[] {
  const texts = [article.title, ...sentences.map((s) => s.text).filter((t) => FRAUD_WORDS.test(t))]
  const found = new Set<Channel>()
  for (const [channel, words] of CHANNEL_WORDS) {
    if (texts.some((text) => words.test(text))) found.add(channel)
  }
  return CHANNELS.filter((channel) => found.has(channel))
}

/** A social account's address on its platform, built from the handle the article gives. */
function profileUrl(platform: SocialPlatform, handle: string): string {
  switch (platform) {
    case 'facebook':
      return `https://www.facebook.com/${handle}`
    case 'instagram':
      return `https://www.instagram.com/${handle}`
    case 'x':
      return `https://x.com/${handle}`
    case 'linkedin':
      return `https://www.linkedin.com/company/${handle}`
    case 'tiktok':
      return `https://www.tiktok.com/@${handle}`
    case 'youtube':
      return `https://www.youtube.com/@${handle}`
    case 'threads':
      return `https://www.threads.net/@${handle}`
  }
}

/** Cut to the schema's length for the field, marked with an ellipsis. */
function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Longest value a record, its provenance or a review item holds (alert-schema.ts). */
const MAX_VALUE = 300
const MAX_SENTENCE = 1000
const MAX_REASON = 500

function quoted(sentence: string): string {
  return `"${cut(sentence, 300)}"`
}

/** What a contact is, in the words a review item uses. */
function noun(candidate: ArticleCandidate): string {
  switch (candidate.kind) {
    case 'phone':
      return 'number'
    case 'email':
    case 'email-domain':
      return 'address'
    case 'handle':
      return 'account'
    default:
      return 'site'
  }
}

/** The record field a contact goes to and the value it takes there. */
type Placement =
  | { field: 'official.websites'; value: string }
  | { field: 'official.emailDomains'; value: string }
  | { field: 'official.phones'; value: string; phone: Phone }
  | { field: 'official.social'; value: string; account: SocialAccount }
  | { review: ReviewItem }

/** Collects one company's draft: values once each, their evidence, and what to review. */
class DraftBuilder {
  readonly websites: string[] = []
  readonly emailDomains: string[] = []
  readonly phones: Phone[] = []
  readonly social: SocialAccount[] = []
  readonly fakes: { value: string }[] = []
  readonly tips: string[] = []
  readonly provenance: Provenance[] = []
  readonly review: ReviewItem[] = []
  private readonly seen = new Set<string>()

  constructor(readonly company: CompanyFound) {}

  evidence(field: ProvenanceField, value: string, sentence: string) {
    this.provenance.push({ field, value, sentence: cut(sentence, MAX_SENTENCE) })
  }

  ask({ field, value, reason }: ReviewItem) {
    const key = `review\u0000${field}\u0000${value}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.review.push({
      field,
      ...(value === undefined ? {} : { value: cut(value, MAX_VALUE) }),
      reason: cut(reason, MAX_REASON),
    })
  }

  /** A value too long for a record is no contact anyone should type in; an editor decides. */
  private tooLong(field: string, value: string, sentence: string): boolean {
    if (value.length <= MAX_VALUE) return false
    this.ask({
      field,
      value,
      reason: `${value.length} characters, too long for a record: ${quoted(sentence)}`,
    })
    return true
  }

  place(placement: Placement, sentence: string) {
    if ('review' in placement) {
      this.ask(placement.review)
      return
    }
    if (this.tooLong(placement.field, placement.value, sentence)) return
    // Accounts and hosts are the same whatever their case: count them once.
    const key = `${placement.field}\u0000${placement.value.toLowerCase()}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    if (placement.field === 'official.websites') this.websites.push(placement.value)
    if (placement.field === 'official.emailDomains') this.emailDomains.push(placement.value)
    if (placement.field === 'official.phones') this.phones.push(placement.phone)
    if (placement.field === 'official.social') this.social.push(placement.account)
    this.evidence(placement.field, placement.value, sentence)
  }

  fake(value: string, sentence: string) {
    if (this.tooLong('reportedFakes', value, sentence)) return
    const key = `reportedFakes\u0000${value}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.fakes.push({ value })
    this.evidence('reportedFakes', value, sentence)
  }

  tip(tip: string) {
    if (tip.length > MAX_TIP_LENGTH) {
      this.ask({
        field: 'tips',
        reason: `a tip longer than ${MAX_TIP_LENGTH} characters was left out: ${quoted(tip)}`,
      })
    } else if (!this.tips.includes(tip)) {
      this.tips.push(tip)
    }
  }
}

/** Where an official contact goes in the record, or why an editor must decide. */
function officialPlacement(
  candidate: ArticleCandidate,
  clause: string,
  sentence: string,
): Placement {
  const registrable = (host: string, field: ReviewItem['field']): Placement | null =>
    registrableDomain(host)
      ? null
      : {
          review: {
            field,
            value: host,
            reason: `"${host}" is not a registrable domain under the public suffix list, so a record cannot list it as official: ${quoted(sentence)}`,
          },
        }
  switch (candidate.kind) {
    case 'email-domain':
    case 'email': {
      const host = candidate.host.name
      return (
        registrable(host, 'official.emailDomains') ?? {
          field: 'official.emailDomains',
          value: host,
        }
      )
    }
    case 'domain': {
      const host = candidate.host.name
      if (EMAIL_CONTEXT.test(clause)) {
        return (
          registrable(host, 'official.emailDomains') ?? {
            field: 'official.emailDomains',
            value: host,
          }
        )
      }
      return (
        registrable(host, 'official.websites') ?? {
          field: 'official.websites',
          value: `https://${host}/`,
        }
      )
    }
    case 'url': {
      const url = new URL(candidate.value.replace(/^hxxp/i, 'http'))
      if (!/^https?:$/.test(url.protocol)) {
        return {
          review: {
            field: 'official.websites',
            value: candidate.value,
            reason: `not a web address: ${quoted(sentence)}`,
          },
        }
      }
      return (
        registrable(url.hostname, 'official.websites') ?? {
          field: 'official.websites',
          value: url.href,
        }
      )
    }
    case 'phone':
      return {
        field: 'official.phones',
        value: candidate.e164,
        phone: {
          number: candidate.e164,
          display: candidate.value,
          ...(phoneLabel(sentence, candidate.evidence.at)
            ? { label: phoneLabel(sentence, candidate.evidence.at)! }
            : {}),
        },
      }
    case 'handle': {
      if (!candidate.platform) {
        return {
          review: {
            field: 'official.social',
            value: candidate.handle,
            reason: `an account named without its platform: ${quoted(sentence)}`,
          },
        }
      }
      const url =
        candidate.written === 'profile-link'
          ? new URL(
              /^https?:\/\//i.test(candidate.value)
                ? candidate.value
                : `https://${candidate.value}`,
            ).href
          : profileUrl(candidate.platform, candidate.handle)
      return {
        field: 'official.social',
        value: `${candidate.platform}:${candidate.handle}`,
        account: { platform: candidate.platform, handle: candidate.handle, url },
      }
    }
    case 'sender-id':
      return {
        review: {
          field: 'official.smsSenders',
          value: candidate.name,
          reason: `an SMS sender name: ${quoted(sentence)}`,
        },
      }
  }
}

/** The value a review item names for a contact: what the record would hold. */
function recordValue(candidate: ArticleCandidate): string {
  switch (candidate.kind) {
    case 'phone':
      return candidate.e164
    case 'handle':
      return candidate.platform ? `${candidate.platform}:${candidate.handle}` : candidate.handle
    case 'email':
      return candidate.address
    default:
      return candidate.value
  }
}

/** The companies a sentence names, by where: the nearest before a position is its owner. */
function mentionsIn(sentence: string, companies: readonly CompanyFound[]) {
  return companies.flatMap((company) =>
    [...sentence.matchAll(company.mention)].map((match) => ({ company, at: match.index })),
  )
}

/** Whose a contact is when an article is about several companies: named nearest before it. */
function ownerOf(
  at: number,
  mentions: ReturnType<typeof mentionsIn>,
  companies: readonly CompanyFound[],
): CompanyFound | null {
  if (companies.length === 1) return companies[0]!
  const before = mentions.filter((m) => m.at < at).sort((a, b) => b.at - a.at)[0]
  const after = mentions.filter((m) => m.at > at).sort((a, b) => a.at - b.at)[0]
  return (before ?? after)?.company ?? null
}

function reviewOfRole(
  role: ContactRole,
  candidate: ArticleCandidate,
  sentence: string,
): ReviewItem {
  const field =
    candidate.kind === 'phone'
      ? 'official.phones'
      : candidate.kind === 'handle'
        ? 'official.social'
        : candidate.kind === 'url' || candidate.kind === 'domain'
          ? 'official.websites'
          : 'official.emailDomains'
  return {
    field,
    value: recordValue(candidate),
    reason:
      role === 'unclear'
        ? `the article does not say whose ${noun(candidate)} it is, the company's or the scammers': ${quoted(sentence)}`
        : `the article calls it the scammers' here and the company's elsewhere: ${quoted(sentence)}`,
  }
}

/**
 * Reads one article: no draft and one line why when it is no warning about someone
 * impersonating a company, otherwise one draft per company it says is impersonated. Every
 * contact comes from the checker's extraction (extractArticleContacts) and keeps its
 * sentence; what the words around a contact do not settle goes to `review`, never into the
 * record. Pure: the file system, the clock and the catalog are the caller's.
 */
export function readArticle(
  article: Article,
  options: { known: readonly KnownCompany[] },
): ArticleReading {
  const sentences = bodySentences(article)
  const allText = [article.title, ...article.paragraphs.map((p) => p.text)].join('\n')
  if (!allText.trim()) return { kind: 'no-draft', reason: 'no text' }
  if (!FRAUD_WORDS.test(allText)) {
    return {
      kind: 'no-draft',
      reason: 'not a scam warning: no word about fraud, scammers or fake messages',
    }
  }
  if (!article.date) {
    return {
      kind: 'no-draft',
      reason:
        'no date line under the title; write the article’s date (YYYY-MM-DD) on the line after it',
    }
  }
  const { companies, impersonation } = findCompanies([
    article.title,
    ...sentences.map((s) => s.text),
  ])
  if (!impersonation) {
    return {
      kind: 'no-draft',
      reason: 'a scam warning, but it does not say that anyone pretends to be a company',
    }
  }
  if (companies.length === 0) {
    return {
      kind: 'no-draft',
      reason:
        'a scam warning, but it names no company that is impersonated (only someone like "ett fraktbolag")',
    }
  }
  const channels = channelsOf(article, sentences)
  if (channels.length === 0) {
    return {
      kind: 'no-draft',
      reason: `a scam warning about ${listed(
        companies.map((c) => c.name),
        'and',
      )}, but it names no channel (sms, e-post, samtal, sociala medier, webbplatser, brev)`,
    }
  }
  const builders = new Map(companies.map((company) => [company.key, new DraftBuilder(company)]))
  readContacts(sentences, companies, builders)
  readTips(sentences, companies, builders)
  return {
    kind: 'drafts',
    drafts: companies.map((company) =>
      draftRecord(article, channels, builders.get(company.key)!, options.known),
    ),
  }
}

function readContacts(
  sentences: readonly BodySentence[],
  companies: readonly CompanyFound[],
  builders: ReadonlyMap<string, DraftBuilder>,
) {
  const roles = new Map<string, Set<ContactRole>>()
  const pending: {
    candidate: ArticleCandidate
    role: ContactRole
    owner: CompanyFound | null
    sentence: string
  }[] = []
  for (const { text } of sentences) {
    const candidates = extractArticleContacts(text)
    if (candidates.length === 0) continue
    const spans = candidates.map((c) => ({
      start: c.evidence.at,
      end: c.evidence.at + c.value.length,
    }))
    const mentions = mentionsIn(text, companies)
    const roleOf = sentenceRoles(text, spans)
    for (const candidate of candidates) {
      const owner = ownerOf(candidate.evidence.at, mentions, companies)
      const role = roleOf(candidate.evidence.at, owner ? genitiveMention(owner.name) : null)
      const key = recordValue(candidate)
      roles.set(key, (roles.get(key) ?? new Set()).add(role))
      pending.push({ candidate, role, owner, sentence: text })
    }
  }
  for (const { candidate, role, owner, sentence } of pending) {
    const both = roles.get(recordValue(candidate))!
    const contested = both.has('official') && both.has('fake')
    if (!owner) {
      const item: ReviewItem = {
        field: role === 'fake' ? 'reportedFakes' : reviewOfRole(role, candidate, sentence).field,
        value: recordValue(candidate),
        reason: `the article is about ${listed(
          companies.map((c) => c.name),
          'and',
        )} and this sentence does not say which: ${quoted(sentence)}`,
      }
      for (const builder of builders.values()) builder.ask(item)
      continue
    }
    const builder = builders.get(owner.key)!
    if (contested || role === 'unclear')
      builder.ask(reviewOfRole(contested ? 'fake' : role, candidate, sentence))
    else if (role === 'fake') builder.fake(candidate.value, sentence)
    else {
      const clause = clauseAt(sentence, candidate.evidence.at)
      builder.place(officialPlacement(candidate, clause, sentence), sentence)
      if (
        candidate.kind === 'domain' &&
        !EMAIL_CONTEXT.test(clause) &&
        registrableDomain(candidate.host.name)
      ) {
        builder.ask({
          field: 'official.websites',
          value: `https://${candidate.host.name}/`,
          reason: `written without https:// in the article ("${candidate.value}"); check that the site answers at this address`,
        })
      }
      if (
        candidate.kind === 'handle' &&
        candidate.platform === 'linkedin' &&
        candidate.written !== 'profile-link'
      ) {
        builder.ask({
          field: 'official.social',
          value: `linkedin:${candidate.handle}`,
          reason: 'LinkedIn addresses differ for companies and people; check the profile address',
        })
      }
    }
  }
}

function readTips(
  sentences: readonly BodySentence[],
  companies: readonly CompanyFound[],
  builders: ReadonlyMap<string, DraftBuilder>,
) {
  for (let i = 0; i < sentences.length; i++) {
    const { text, paragraph } = sentences[i]!
    const next = sentences[i + 1]
    // A question and its answer are one tip: "Är texten konstigt formulerad? Vid bedrägeri …"
    const question = text.endsWith('?') && next?.paragraph === paragraph
    const whole = question ? `${text} ${next.text}` : text
    if (question) i++
    const contacts = extractArticleContacts(whole)
    const states =
      contacts.length > 0 &&
      [...builders.values()].some((b) =>
        b.provenance.some((p) => p.sentence === text && p.field.startsWith('official.')),
      )
    const unsettled = contacts.length > 0 && !states
    if (unsettled || !(question || isAdvice(whole) || states)) continue
    const named = new Set(mentionsIn(whole, companies).map((m) => m.company))
    const owners = named.size > 0 ? [...named] : companies
    for (const company of owners)
      builders.get(company.key)!.tip(tipFrom(whole, company.name, company.mention))
  }
}

function draftRecord(
  article: Article,
  channels: readonly Channel[],
  builder: DraftBuilder,
  known: readonly KnownCompany[],
): DraftRecord {
  const found = builder.company
  const existing = known.find(
    (company) =>
      companyKey(company.name) === found.key ||
      company.aliases.some((alias) => companyKey(alias) === found.key),
  )
  const name = existing?.name ?? found.name
  const slug = existing?.slug ?? slugOf(name)
  const date = article.date!
  const fakes = listed(channels.map((c) => CHANNEL_NOUNS[c].fakes))
  const title = found.warns
    ? `${name} varnar för falska ${fakes}`
    : `Falska ${fakes} i ${genitive(name)} namn`
  const review = [...builder.review]
  const publisher = article.byline ?? UNKNOWN_PUBLISHER
  if (!article.byline) {
    review.push({
      field: 'source.publisher',
      reason: 'the article has no byline ("Text: …"); name who published it',
    })
  }
  const provenance: Provenance[] = [
    { field: 'company.name', value: name, sentence: found.evidence },
    ...builder.provenance,
    { field: 'source.title', value: article.title, sentence: article.title },
    { field: 'source.date', value: date, sentence: article.dateWritten ?? date },
    ...(article.byline && article.bylineWritten
      ? [
          {
            field: 'source.publisher' as const,
            value: article.byline,
            sentence: article.bylineWritten,
          },
        ]
      : []),
  ]
  return {
    id: `${slug}-${date}`,
    draft: true,
    title:
      title.charAt(0) === name.charAt(0)
        ? title
        : title.charAt(0).toLocaleUpperCase('sv') + title.slice(1),
    summary: `Bedragare utger sig för att vara ${name} och kontaktar människor via ${listed(channels.map((c) => CHANNEL_NOUNS[c].via))}.`,
    published: date,
    language: 'sv',
    company: { slug, name, aliases: aliasesOf(name).filter((alias) => alias !== name) },
    channels: [...channels],
    official: {
      websites: builder.websites,
      emailDomains: builder.emailDomains,
      phones: builder.phones,
      social: builder.social,
    },
    tips: builder.tips,
    reportedFakes: builder.fakes,
    source: { title: article.title, publisher, date },
    provenance,
    review,
  }
}
