import { z } from 'zod'
import { projectPath } from '../adapters/node/project-root'
import {
  ContactEmail,
  DEFAULT_DIGEST_HOUR,
  DEFAULT_DIGEST_TIMEZONE,
  DigestHour,
  defaultMailFrom,
  MailFrom,
  PublicUrl,
  SmtpUrl,
  TimeZone,
} from './shared-settings'

export { isLoopbackUrl } from './shared-settings'

const port = z.coerce.number().int().min(0).max(65535)
const milliseconds = z.coerce.number().int().min(100).max(3_600_000)

/** Settings of the Node server and CLI, read from the environment by the entries only. */
export const NodeSettingsSchema = z
  .object({
    PORT: port.default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: PublicUrl.optional(),
    ALERTS_DIR: z.string().min(1).default(projectPath('alerts')),
    SMTP_URL: SmtpUrl.optional(),
    MAIL_FROM: MailFrom.optional(),
    CONTACT_EMAIL: ContactEmail.optional(),
    DIGEST_HOUR: DigestHour.default(DEFAULT_DIGEST_HOUR),
    DIGEST_TIMEZONE: TimeZone.default(DEFAULT_DIGEST_TIMEZONE),
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
    MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(0).max(1_000_000).optional(),
    DIGEST_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  })
  .transform((s) => {
    const publicUrl = (s.PUBLIC_URL ?? `http://${hostForUrl(s.HOST)}:${s.PORT}`).replace(/\/+$/, '')
    return {
      ...s,
      PUBLIC_URL: publicUrl,
      /** Whether PUBLIC_URL was set; links built from the default only work on this machine. */
      PUBLIC_URL_SET: s.PUBLIC_URL !== undefined,
      MAIL_FROM: s.MAIL_FROM ?? defaultMailFrom(publicUrl),
      MAX_CONNECTIONS_PER_CLIENT:
        s.MAX_CONNECTIONS_PER_CLIENT ?? defaultPerClient(s.MAX_CONNECTIONS, s.TRUST_PROXY),
    }
  })

export type NodeSettings = z.infer<typeof NodeSettingsSchema>

/**
 * Connections one client may hold (0: no limit): a quarter of the cap, 2 to 32, which is more
 * than a browser opens to one site, and leaves the rest for everyone else. Off behind a proxy,
 * where every connection comes from the proxy's own address.
 */
function defaultPerClient(maxConnections: number, trustedProxies: number): number {
  if (trustedProxies > 0) return 0
  return Math.min(32, Math.max(2, Math.floor(maxConnections / 4)))
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
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
