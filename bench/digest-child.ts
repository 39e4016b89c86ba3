/**
 * Bench helper process, one measurement per process so peak RSS belongs to it alone:
 *   ours <count> <port>  runDigest over a SQLite file with <count> active subscribers
 *   raw  <count> <port>  pooled nodemailer sending the same digests, prepared beforehand
 * Prints one JSON line: { messages, seconds, cpuSeconds, peakRssMb }; cpuSeconds is the process's
 * CPU time over the timed part, which other load on the machine does not inflate as it does
 * the wall time.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import pLimit from 'p-limit'
import { groupCommit } from '../src/adapters/node/group-commit'
import { openSqlite } from '../src/adapters/node/sqlite-database'
import { createSmtpMailer } from '../src/adapters/smtp/smtp-mailer'
import { loadCatalog } from '../src/core/catalog'
import { runDigest } from '../src/digest/run-digest'
import { toNodemailerOptions } from '../src/mail/mailer'
import { digestMail, digestMessageId } from '../src/mail/messages'
import { SqlDigestStore } from '../src/store/digest-store'
import { sql } from '../src/store/sql'
import { fictionalCompanyRecords } from './fictional-companies'

const [mode, countText, portText] = process.argv.slice(2)
const count = Number(countText)
const url = `smtp://127.0.0.1:${portText}`
const FROM = 'Bench <bench@example.com>'
const CONCURRENCY = 5
const PUBLIC_URL = 'https://varningar.example.se'
const catalog = loadCatalog(fictionalCompanyRecords(3))

async function ours() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-digest-'))
  const db = openSqlite(join(dir, 'bench.sqlite'))
  const statements = []
  for (let i = 0; i < count; i++) {
    statements.push(
      sql(
        `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, digest_cursor, created_at, updated_at)
         VALUES (?, ?, 'active', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
        `reader${i}@example.com`,
        `reader${i}@example.com`,
        `token-${i}`.padEnd(43, 'x'),
      ),
    )
  }
  await db.batch(statements)
  statements.length = 0
  const mailer = createSmtpMailer({ url, from: FROM, maxConnections: CONCURRENCY })
  const started = performance.now()
  const cpu = process.cpuUsage()
  const outcome = await runDigest({
    catalog,
    store: new SqlDigestStore(groupCommit(db)),
    mailer,
    publicUrl: PUBLIC_URL,
    clock: () => new Date(),
    concurrency: CONCURRENCY,
  })
  const seconds = (performance.now() - started) / 1000
  const cpuSeconds = cpuSince(cpu)
  await mailer.close()
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return { messages: outcome.sent, seconds, cpuSeconds }
}

async function raw() {
  const now = new Date()
  const messages = []
  for (let i = 0; i < count; i++) {
    messages.push(
      toNodemailerOptions(
        await digestMail(
          { publicUrl: PUBLIC_URL },
          {
            to: `reader${i}@example.com`,
            alerts: catalog.alerts,
            unsubscribeToken: `token-${i}`,
            messageId: digestMessageId('raw', i, PUBLIC_URL),
            date: now,
          },
        ),
        FROM,
      ),
    )
  }
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: CONCURRENCY,
    maxMessages: 100,
  })
  const limit = pLimit(CONCURRENCY)
  const started = performance.now()
  const cpu = process.cpuUsage()
  await Promise.all(messages.map((m) => limit(() => transport.sendMail(m))))
  const seconds = (performance.now() - started) / 1000
  const cpuSeconds = cpuSince(cpu)
  transport.close()
  return { messages: messages.length, seconds, cpuSeconds }
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start)
  return (user + system) / 1e6
}

const result = mode === 'raw' ? await raw() : await ours()
console.log(JSON.stringify({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 }))
