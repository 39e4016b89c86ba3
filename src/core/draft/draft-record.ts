import type { Channel, Phone, Provenance, ReviewItem, SocialAccount } from '../alert-schema'
import { genitive } from '../swedish'
import type { Article } from './articles'
import { companyKey } from './companies'
import type { DraftBuilder } from './draft-builder'

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

/** What a publisher is called in a draft until an editor names it (a review item says so). */
export const UNKNOWN_PUBLISHER = 'Okänd – ange utgivaren'

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
export function listed(items: readonly string[], and = 'och'): string {
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

/**
 * The draft of one company: the builder's values and evidence, the company's slug and name
 * (those of a company already in the records when it is one), the title, summary and
 * aliases from templates, and the article as the source.
 */
export function draftRecord(
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
