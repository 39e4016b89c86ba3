import { z } from 'zod'
import { normalizeHostname, registrableDomain } from './domain'
import { lazy } from './lazy'
import { isE164, toE164 } from './phone'

/** Alert ids and company slugs: public URLs and API keys, so lowercase and stable. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens')
  .max(80)

// C0 controls except tab and newline, DEL and the C1 controls, the noncharacters U+FFFE and
// U+FFFF, and a surrogate without its pair: none belongs in a warning, and each can break the
// feed (XML), a mail header or a terminal, or hide text from a reader.
const FORBIDDEN_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why a text cannot be published, or null when every character is allowed. */
export function forbiddenCharacterProblem(text: string): string | null {
  const match = FORBIDDEN_CHARACTER.exec(text)
  if (!match) return null
  const code = match[0].charCodeAt(0)
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  const what = code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate' : 'a control character'
  return `contains ${what} (${hex}) at position ${match.index + 1}`
}

/** A string free of control characters and lone surrogates (tab and newline allowed). */
const safeString = () =>
  z.string().check((ctx) => {
    const problem = forbiddenCharacterProblem(ctx.value)
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
  })

const shortText = (max: number) => safeString().trim().min(1, 'must not be empty').max(max)

/**
 * Text that RSS carries as a plain-text element (a warning's title, a company's name as the
 * feed's title and category). RSS never said whether such text is HTML, and readers treat it
 * as HTML (feedparser drops "<b>…</b>" from a title, others may render it), so a "<" or ">"
 * would not reach every reader as written: such text may not hold them.
 */
const feedTitleText = (max: number) =>
  shortText(max).refine(
    (value) => !/[<>]/.test(value),
    'must not contain < or >: feed readers take them for HTML markup',
  )

export const SOCIAL_PLATFORMS = {
  facebook: { label: 'Facebook', hosts: ['facebook.com', 'fb.com'] },
  instagram: { label: 'Instagram', hosts: ['instagram.com'] },
  x: { label: 'X (Twitter)', hosts: ['x.com', 'twitter.com'] },
  tiktok: { label: 'TikTok', hosts: ['tiktok.com'] },
  linkedin: { label: 'LinkedIn', hosts: ['linkedin.com'] },
  youtube: { label: 'YouTube', hosts: ['youtube.com'] },
  threads: { label: 'Threads', hosts: ['threads.net', 'threads.com'] },
} as const

export type SocialPlatform = keyof typeof SOCIAL_PLATFORMS
const platformNames = Object.keys(SOCIAL_PLATFORMS) as [SocialPlatform, ...SocialPlatform[]]

/** An SMS sender name as compared: case, spaces, dots, underscores and hyphens do not matter. */
export function smsSenderKey(name: string): string {
  return name.toLowerCase().replace(/[\s._-]/g, '')
}

export const CHANNELS = ['sms', 'email', 'phone', 'social', 'web', 'letter'] as const
export type Channel = (typeof CHANNELS)[number]

/** The fields a provenance entry can vouch for: the facts an article states. */
export const PROVENANCE_FIELDS = [
  'company.name',
  'channels',
  'official.websites',
  'official.emailDomains',
  'official.phones',
  'official.social',
  'official.smsSenders',
  'reportedFakes',
  'source.title',
  'source.date',
  'source.publisher',
] as const

/**
 * The record schemas, built on first use: a Worker serving the catalog snapshot never
 * validates a record, and building them cost a fresh isolate about 20 ms before its first
 * request (zod builds every check of a schema when the schema is made).
 */
function buildAlertSchemas() {
  const isoDate = z.iso.date('must be a date written YYYY-MM-DD')

  /** A hostname whose registrable part is a real domain under the public suffix list. */
  const domainName = safeString().superRefine((value, ctx) => {
    const host = normalizeHostname(value)
    if (host !== value) {
      ctx.addIssue({
        code: 'custom',
        message: host
          ? `write the domain as "${host}" (lowercase, no trailing dot, punycode)`
          : `"${value}" is not a domain name`,
      })
      return
    }
    if (!registrableDomain(host)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a registrable domain under the public suffix list`,
      })
    }
  })

  /**
   * An http(s) URL on a registrable domain, with no user name, password or port: in
   * `https://jemfix.com@other.example/` the host is other.example, and a port is never part
   * of a company's public address.
   */
  const officialUrl = safeString()
    // The URL parser silently drops tabs and newlines; a URL that needed them is not the one shown.
    .refine((value) => !/\s/.test(value), 'must not contain spaces, tabs or line breaks')
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
    .superRefine((value, ctx) => {
      const url = new URL(value)
      if (url.username || url.password) {
        ctx.addIssue({
          code: 'custom',
          message: `must not contain a user name or password (the host would be "${url.hostname}")`,
        })
      } else if (url.port) {
        ctx.addIssue({ code: 'custom', message: `must not name a port (":${url.port}")` })
      } else if (!registrableDomain(url.hostname)) {
        ctx.addIssue({ code: 'custom', message: `"${url.hostname}" is not a registrable domain` })
      }
    })

  const PhoneSchema = z
    .object({
      number: z
        .string()
        .refine(isE164, 'must be a valid phone number in E.164 form, like +46462852900'),
      display: shortText(40),
      label: shortText(80).optional(),
    })
    .strict()
    .superRefine((phone, ctx) => {
      const parsed = toE164(phone.display)
      if (isE164(phone.number) && parsed !== phone.number) {
        ctx.addIssue({
          code: 'custom',
          path: ['display'],
          message: `"${phone.display}" is not the same number as ${phone.number}`,
        })
      }
    })

  const SocialAccountSchema = z
    .object({
      platform: z.enum(platformNames),
      handle: z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be the bare handle, without @ or URL'),
      url: officialUrl,
    })
    .strict()
    .superRefine((account, ctx) => {
      const host = registrableDomain(new URL(account.url).hostname)
      const hosts: readonly string[] = SOCIAL_PLATFORMS[account.platform].hosts
      if (host && !hosts.includes(host)) {
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: `a ${account.platform} account must link to ${hosts.join(' or ')}`,
        })
      }
    })

  /**
   * An SMS sender name (alphanumeric sender ID): at most 11 letters, digits, spaces or . & _ -,
   * with at least one letter. Anyone can send an SMS under any such name.
   */
  const SmsSenderSchema = z
    .string()
    .regex(
      /^(?=.*[A-Za-zÅÄÖåäö])[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö .&_-]{0,10}$/,
      'must be an SMS sender name: 1–11 letters, digits, spaces or . & _ -, with at least one letter',
    )

  const OfficialContactsSchema = z
    .object({
      websites: z.array(officialUrl).default([]),
      emailDomains: z.array(domainName).default([]),
      phones: z.array(PhoneSchema).default([]),
      social: z.array(SocialAccountSchema).default([]),
      /** SMS sender names the company itself says it uses; only where a source states them. */
      smsSenders: z.array(SmsSenderSchema).optional(),
    })
    .strict()

  /**
   * Where one value of a record comes from: the sentence of the source that states it, so an
   * editor can check the value against its evidence. Kept after publishing; never shown.
   */
  const ProvenanceSchema = z
    .object({
      field: z.enum(PROVENANCE_FIELDS),
      /** The value as the record holds it (an E.164 number, a domain, platform:handle…). */
      value: shortText(300),
      sentence: shortText(1000),
    })
    .strict()

  /** Something an editor must decide before a draft is published, and why. */
  const ReviewItemSchema = z
    .object({
      field: shortText(120),
      value: shortText(300).optional(),
      reason: shortText(500),
    })
    .strict()

  const AlertSchema = z
    .object({
      id: SlugSchema,
      /**
       * An unpublished draft: validated and shown by `npm run preview`, ignored by pages,
       * feeds, the API, the checker and digests. Publishing means deleting this line.
       */
      draft: z.boolean().optional(),
      title: feedTitleText(200),
      summary: shortText(1000),
      published: isoDate,
      updated: isoDate.optional(),
      language: z.enum(['sv', 'en']),
      company: z
        .object({
          slug: SlugSchema,
          name: feedTitleText(120),
          aliases: z.array(shortText(120)).default([]),
        })
        .strict(),
      channels: z.array(z.enum(CHANNELS)).min(1, 'name at least one channel'),
      official: OfficialContactsSchema.optional(),
      tips: z.array(shortText(400)).default([]),
      /** Contacts the scammers used, shown defanged and never as links. */
      reportedFakes: z
        .array(z.object({ value: shortText(300), note: shortText(300).optional() }).strict())
        .default([]),
      source: z
        .object({
          title: shortText(300),
          publisher: shortText(200),
          date: isoDate,
          url: officialUrl.optional(),
        })
        .strict(),
      /** Evidence for the values, one entry per value (written by `npm run draft`). */
      provenance: z.array(ProvenanceSchema).optional(),
      /** What is left for an editor to decide; a record with items here stays a draft. */
      review: z.array(ReviewItemSchema).optional(),
    })
    .strict()
    .superRefine((alert, ctx) => {
      if (alert.updated && alert.updated < alert.published) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'is before the published date' })
      }
      const left = alert.review?.length ?? 0
      if (left > 0 && alert.draft !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['review'],
          message: `${left} item${left === 1 ? '' : 's'} left to review: resolve ${left === 1 ? 'it' : 'each'} and delete review before publishing, or keep draft: true`,
        })
      }
    })
  return {
    PhoneSchema,
    SocialAccountSchema,
    SmsSenderSchema,
    OfficialContactsSchema,
    ProvenanceSchema,
    ReviewItemSchema,
    AlertSchema,
  }
}

export const alertSchemas = lazy(buildAlertSchemas)
type Schemas = ReturnType<typeof buildAlertSchemas>

export type Alert = z.infer<Schemas['AlertSchema']>
export type OfficialContacts = z.infer<Schemas['OfficialContactsSchema']>
export type SocialAccount = z.infer<Schemas['SocialAccountSchema']>
export type Phone = z.infer<Schemas['PhoneSchema']>
export type Provenance = z.infer<Schemas['ProvenanceSchema']>
export type ReviewItem = z.infer<Schemas['ReviewItemSchema']>
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number]
