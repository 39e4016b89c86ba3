import { CHANNELS, type Channel, type ReviewItem } from '../alert-schema'
import { type ArticleCandidate, extractArticleContacts } from '../check'
import { registrableDomain } from '../domain'
import type { Article } from './articles'
import { type CompanyFound, findCompanies, genitiveMention } from './companies'
import { type ContactRole, clauseAt, sentenceRoles } from './contact-roles'
import { DraftBuilder } from './draft-builder'
import { type DraftRecord, draftRecord, type KnownCompany, listed } from './draft-record'
import { officialPlacement, quoted, recordValue, reviewOfRole } from './placement'
import { splitSentences } from './sentences'
import { CHANNEL_WORDS, EMAIL_CONTEXT, FRAUD_WORDS } from './signals'
import { isAdvice, tipFrom } from './tips'

export type { DraftRecord, KnownCompany } from './draft-record'

export type ArticleReading =
  | { kind: 'no-draft'; reason: string }
  | { kind: 'drafts'; drafts: DraftRecord[] }

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

/** The channels a warning names: in its title and in the sentences about the scam. */
function channelsOf(article: Article, sentences: readonly BodySentence[]): Channel[] {
  const texts = [article.title, ...sentences.map((s) => s.text).filter((t) => FRAUD_WORDS.test(t))]
  const found = new Set<Channel>()
  for (const [channel, words] of CHANNEL_WORDS) {
    if (texts.some((text) => words.test(text))) found.add(channel)
  }
  return CHANNELS.filter((channel) => found.has(channel))
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
