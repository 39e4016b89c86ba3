import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { clientIpOf, serverOptions } from '../adapters/node/http-server'
import { readRecordSet } from '../adapters/node/record-files'
import { openSqlite } from '../adapters/node/sqlite-database'
import { formatIssue } from '../core/record-issues'
import { validateRecords } from '../core/record-validation'
import { createPreviewApp } from '../preview/preview-app'
import { describeError } from '../security/redact'
import { parseNodeSettings } from '../settings/node-settings'
import { sqlStores } from '../store/sql-stores'
import { todayInStockholm } from './today'

/**
 * npm run preview — the site as it will look with the drafts published: the Node server
 * with the settings `npm start` reads (PORT, HOST, PUBLIC_URL, ALERTS_DIR, TRUST_PROXY and
 * the timeouts), serving the records of ALERTS_DIR and its drafts/ folder, every draft
 * marked "Utkast" and every page marked as a preview. It never sends mail and never runs
 * a digest: no mailer, no schedule, no outbox, and a database in memory instead of
 * DATA_DIR, so the site's subscribers are never touched. Refuses to start on invalid
 * records, like `npm start`.
 */
async function main() {
  const settings = parseNodeSettings(process.env)
  const report = validateRecords(await readRecordSet(settings.ALERTS_DIR), todayInStockholm())
  if (!report.preview) {
    for (const issue of report.issues) console.error(formatIssue(issue))
    console.error(
      `Refusing to start the preview: ${report.issues.length} problem(s) in ${settings.ALERTS_DIR} (npm run validate lists them too).`,
    )
    process.exit(1)
  }
  for (const warning of report.warnings) console.log(`warning: ${formatIssue(warning)}`)
  const db = openSqlite(':memory:')
  const app = createPreviewApp({
    catalog: report.preview,
    publicUrl: settings.PUBLIC_URL,
    stores: sqlStores(db),
    clientIp: clientIpOf(settings),
    logError: (error) => console.error(describeError(error)),
  })
  const drafts = report.drafts.length
  const server = serve(
    {
      fetch: app.fetch,
      port: settings.PORT,
      hostname: settings.HOST,
      serverOptions: serverOptions(settings),
    },
    (info) => {
      console.log(
        `PREVIEW, not the published site: ${report.preview?.alerts.length} alert(s), ${drafts} of them draft(s) marked "Utkast", on http://${info.address}:${info.port} (public URL ${settings.PUBLIC_URL}); no mail is sent and no digest runs`,
      )
      for (const draft of report.drafts) {
        console.log(`  draft: ${settings.PUBLIC_URL}/alerts/${draft.alert.id} (${draft.file})`)
      }
    },
  ) as Server
  server.maxConnections = settings.MAX_CONNECTIONS
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${settings.PORT} on ${settings.HOST} is in use (is npm start running?); start the preview with another PORT.`
        : describeError(error),
    )
    process.exit(1)
  })
  const stop = (signal: string) => {
    console.log(`${signal}: stopping the preview`)
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    server.close(() => {
      db.close()
      process.exit(0)
    })
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
