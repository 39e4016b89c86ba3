import { mkdir } from 'node:fs/promises'
import { serve } from '@hono/node-server'
import { readRecordFiles } from './adapters/node/record-files'
import { createApp } from './app'
import { loadCatalog } from './core/catalog'
import { InvalidRecordsError } from './core/record-issues'
import { parseNodeSettings } from './node-settings'

/** The embedded default: the whole site on Node, configured by environment variables. */
async function main() {
  const settings = parseNodeSettings(process.env)
  await mkdir(settings.DATA_DIR, { recursive: true })
  const catalog = loadCatalog(await readRecordFiles(settings.ALERTS_DIR))
  const app = createApp({ catalog, publicUrl: settings.PUBLIC_URL })

  const server = serve(
    { fetch: app.fetch, port: settings.PORT, hostname: settings.HOST },
    (info) => {
      console.log(
        `Serving ${catalog.alerts.length} alert(s) on http://${info.address}:${info.port} (public URL ${settings.PUBLIC_URL})`,
      )
    },
  )

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: finishing open requests, then stopping`)
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    server.close(() => process.exit(0))
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof InvalidRecordsError) {
    console.error(`Refusing to start: ${error.message}`)
  } else {
    console.error(error instanceof Error ? error.message : error)
  }
  process.exit(1)
})
