import { z } from 'zod'

const port = z.coerce.number().int().min(0).max(65535)

/** Settings of the Node server, read from the environment by src/node.ts only. */
export const NodeSettingsSchema = z
  .object({
    PORT: port.default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    ALERTS_DIR: z.string().min(1).default('./alerts'),
  })
  .transform((s) => ({
    ...s,
    PUBLIC_URL: (s.PUBLIC_URL ?? `http://${hostForUrl(s.HOST)}:${s.PORT}`).replace(/\/+$/, ''),
  }))

export type NodeSettings = z.infer<typeof NodeSettingsSchema>

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
