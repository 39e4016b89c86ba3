import { z } from 'zod'
import { MAX_SUBSCRIBERS_PER_MESSAGE } from '../core/digest/fan-out'
import type { DigestSchedule } from '../core/digest/schedule'
import {
  ContactEmail,
  DEFAULT_DIGEST_HOUR,
  DEFAULT_DIGEST_TIMEZONE,
  DigestHour,
  defaultMailFrom,
  isLoopbackUrl,
  MailFrom,
  PublicUrl,
  SmtpUrl,
  TimeZone,
} from './shared-settings'

/** How the Worker sends mail, or why it sends none. */
export type WorkerMail =
  | { kind: 'smtp'; url: string; from: string }
  /** Development only: mail, links included, goes to the log; nothing is sent. */
  | { kind: 'log'; from: string }
  | { kind: 'off'; problem: string }

export type WorkerSettings =
  | { ok: false; problem: string }
  | {
      ok: true
      environment: 'production' | 'development'
      publicUrl: string
      contactEmail?: string
      mail: WorkerMail
      digest: DigestSchedule
      queue: DigestQueueSettings
      /** Bad settings other than mail, for /healthz; each fell back to a safe value. */
      problems: string[]
    }

/** How the digest is fanned out through Cloudflare Queues (README, "Cloudflare Worker"). */
export interface DigestQueueSettings {
  /** Subscriber ids per queue message (DIGEST_BATCH_SUBSCRIBERS, 1–100). */
  subscribersPerMessage: number
  /** The queue's retry backoff starts here and doubles, up to 15 minutes (DIGEST_RETRY_SECONDS). */
  retryBaseSeconds: number
  /** Development only (DIGEST_FAULT=throw-after-sends:N): the consumer throws once after N sends. */
  throwAfterSends: number | null
}

export const DEFAULT_DIGEST_QUEUE: DigestQueueSettings = {
  subscribersPerMessage: MAX_SUBSCRIBERS_PER_MESSAGE,
  retryBaseSeconds: 30,
  throwAfterSends: null,
}

const SubscribersPerMessage = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_SUBSCRIBERS_PER_MESSAGE, `must be a whole number 1-${MAX_SUBSCRIBERS_PER_MESSAGE}`)
const RetrySeconds = z.coerce.number().int().min(0).max(3600, 'must be 0-3600 seconds')
const Fault = z.string().regex(/^throw-after-sends:[1-9]\d{0,5}$/, 'must be throw-after-sends:N')

/** The Worker's vars and secrets, as wrangler hands them over (a TOML number stays a number). */
export type WorkerVars = Record<string, unknown>

const text = (value: unknown): string | undefined =>
  value === undefined || value === null || value === '' ? undefined : String(value)

/** The first problem zod found, as "NAME must …". */
function problemOf(name: string, result: z.ZodSafeParseResult<unknown>): string | null {
  return result.success ? null : `${name} ${result.error.issues[0]?.message ?? 'is invalid'}`
}

/**
 * Reads the Worker's settings once per isolate. Unlike the Node server, which refuses to
 * start, a Worker cannot refuse: it answers whatever arrives. So only a missing or broken
 * PUBLIC_URL, which every page needs, stops the site; every other bad setting turns off what
 * depends on it (mail, digests, the contact address) and is reported by /healthz. Values of
 * secrets never appear in a problem.
 */
export function parseWorkerSettings(vars: WorkerVars): WorkerSettings {
  const rawPublicUrl = text(vars.PUBLIC_URL)
  if (rawPublicUrl === undefined)
    return { ok: false, problem: 'PUBLIC_URL is not set: set it in wrangler.toml [vars]' }
  const publicUrlProblem = problemOf('PUBLIC_URL', PublicUrl.safeParse(rawPublicUrl))
  if (publicUrlProblem) return { ok: false, problem: publicUrlProblem }
  const publicUrl = rawPublicUrl.replace(/\/+$/, '')

  const problems: string[] = []
  const rawEnvironment = text(vars.ENVIRONMENT) ?? 'production'
  const environment = rawEnvironment === 'development' ? 'development' : 'production'
  if (rawEnvironment !== environment)
    problems.push('ENVIRONMENT must be "production" or "development"; read as production')

  const rawContact = text(vars.CONTACT_EMAIL)
  const contact = rawContact === undefined ? undefined : ContactEmail.safeParse(rawContact)
  if (contact && !contact.success) problems.push(problemOf('CONTACT_EMAIL', contact)!)

  return {
    ok: true,
    environment,
    publicUrl,
    ...(contact?.success ? { contactEmail: contact.data } : {}),
    mail: mailSettings(vars, publicUrl, environment),
    digest: digestSchedule(vars, problems),
    queue: digestQueueSettings(vars, environment, problems),
    problems,
  }
}

function mailSettings(
  vars: WorkerVars,
  publicUrl: string,
  environment: 'production' | 'development',
): WorkerMail {
  const problems: string[] = []
  const rawFrom = text(vars.MAIL_FROM)
  const from = rawFrom === undefined ? undefined : MailFrom.safeParse(rawFrom)
  if (from && !from.success) problems.push(problemOf('MAIL_FROM', from)!)
  const rawSmtp = text(vars.SMTP_URL)
  // Never the value itself: it holds the relay's password.
  if (rawSmtp !== undefined && !SmtpUrl.safeParse(rawSmtp).success)
    problems.push(
      'SMTP_URL is not an smtp:// or smtps:// URL (set it with `wrangler secret put SMTP_URL`)',
    )
  if (rawSmtp === undefined && environment === 'production')
    problems.push('SMTP_URL is not set (set it with `wrangler secret put SMTP_URL`)')
  if (environment === 'production' && isLoopbackUrl(publicUrl))
    problems.push(
      `PUBLIC_URL ${publicUrl} is this machine, so links in mail would lead nowhere: set PUBLIC_URL to the site's address (ENVIRONMENT = "development" allows it for local tests)`,
    )
  if (problems.length > 0)
    return {
      kind: 'off',
      problem: `${problems.join('; ')}. No mail is sent, subscriptions are refused and digests do not run`,
    }
  const sender = from?.success ? from.data : defaultMailFrom(publicUrl)
  return rawSmtp === undefined
    ? { kind: 'log', from: sender }
    : { kind: 'smtp', url: rawSmtp, from: sender }
}

function digestSchedule(vars: WorkerVars, problems: string[]): DigestSchedule {
  const hour = DigestHour.safeParse(text(vars.DIGEST_HOUR) ?? DEFAULT_DIGEST_HOUR)
  const timeZone = TimeZone.safeParse(text(vars.DIGEST_TIMEZONE) ?? DEFAULT_DIGEST_TIMEZONE)
  for (const problem of [problemOf('DIGEST_HOUR', hour), problemOf('DIGEST_TIMEZONE', timeZone)])
    if (problem) problems.push(`${problem}; the digest is off`)
  if (!hour.success || !timeZone.success) return { hour: 'off', timeZone: DEFAULT_DIGEST_TIMEZONE }
  return { hour: hour.data, timeZone: timeZone.data }
}

function digestQueueSettings(
  vars: WorkerVars,
  environment: 'production' | 'development',
  problems: string[],
): DigestQueueSettings {
  const read = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    const raw = text(vars[name])
    if (raw === undefined) return fallback
    const parsed = schema.safeParse(raw)
    if (parsed.success) return parsed.data
    problems.push(
      `${problemOf(name, parsed)}; ${fallback === null ? 'ignored' : `using ${String(fallback)}`}`,
    )
    return fallback
  }
  const fault = read('DIGEST_FAULT', Fault, null as string | null)
  if (fault !== null && environment !== 'development')
    problems.push(
      'DIGEST_FAULT injects faults and is read only with ENVIRONMENT = "development"; ignored',
    )
  return {
    subscribersPerMessage: read(
      'DIGEST_BATCH_SUBSCRIBERS',
      SubscribersPerMessage,
      DEFAULT_DIGEST_QUEUE.subscribersPerMessage,
    ),
    retryBaseSeconds: read(
      'DIGEST_RETRY_SECONDS',
      RetrySeconds,
      DEFAULT_DIGEST_QUEUE.retryBaseSeconds,
    ),
    throwAfterSends:
      fault !== null && environment === 'development' ? Number(fault.split(':')[1]) : null,
  }
}
