import { z } from 'zod'

const port = z.coerce.number().int().min(0).max(65535)
const milliseconds = z.coerce.number().int().min(100).max(3_600_000)

/** Settings of the Node server and CLI, read from the environment by the entries only. */
export const NodeSettingsSchema = z
  .object({
    PORT: port.default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    ALERTS_DIR: z.string().min(1).default('./alerts'),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
      .optional(),
    MAIL_FROM: z.string().min(3).optional(),
    DIGEST_HOUR: z
      .union([z.literal('off'), z.coerce.number().int().min(0).max(23)], {
        error: 'must be an hour 0-23 or "off"',
      })
      .default(7),
    DIGEST_TIMEZONE: z
      .string()
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('sv-SE', { timeZone: tz })
          return true
        } catch {
          return false
        }
      }, 'must be an IANA time zone such as Europe/Stockholm')
      .default('Europe/Stockholm'),
    TRUST_PROXY: z
      .union([z.enum(['true', 'false']), z.coerce.number().int().min(0).max(10)], {
        error: 'must be false, true (one proxy) or the number of proxies, 0-10',
      })
      .default('false')
      .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : value)),
    HEADERS_TIMEOUT_MS: milliseconds.default(10_000),
    REQUEST_TIMEOUT_MS: milliseconds.default(30_000),
    KEEP_ALIVE_TIMEOUT_MS: milliseconds.default(5_000),
    MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
    DIGEST_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  })
  .transform((s) => {
    const publicUrl = (s.PUBLIC_URL ?? `http://${hostForUrl(s.HOST)}:${s.PORT}`).replace(/\/+$/, '')
    return {
      ...s,
      PUBLIC_URL: publicUrl,
      /** Whether PUBLIC_URL was set; links built from the default only work on this machine. */
      PUBLIC_URL_SET: s.PUBLIC_URL !== undefined,
      MAIL_FROM: s.MAIL_FROM ?? `Bedrägerivarningar <noreply@${mailHost(publicUrl)}>`,
    }
  })

export type NodeSettings = z.infer<typeof NodeSettingsSchema>

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}

function mailHost(publicUrl: string): string {
  const host = new URL(publicUrl).hostname
  return host.includes('.') && !/^[\d.]+$/.test(host) ? host : 'localhost.localdomain'
}

/** Whether a URL points at this machine (localhost, 127.0.0.0/8, ::1, 0.0.0.0). */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === 'localhost.localdomain' ||
    /^127\./.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  )
}

/** Parses settings, turning zod's issues into one readable line per bad variable. */
export function parseNodeSettings(env: Record<string, string | undefined>): NodeSettings {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  )
  const result = NodeSettingsSchema.safeParse(defined)
  if (result.success) return result.data
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
  throw new Error(`Invalid settings:\n${lines.join('\n')}`)
}
