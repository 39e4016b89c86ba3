import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { until } from '../support/digest-process'
import { type RunningServer, startServer } from '../support/server'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { addActiveSubscribers } from '../support/subscribers'

// The server's own daily digest (src/digest/scheduled-digest.ts run by src/node.ts), killed
// mid-run and restarted at once by a process manager, or stopped for a deploy. Real parts:
// `npm start` twice, a SQLite file, the SMTP sink.
const SUBSCRIBERS = 120
let dataDir: string
let sink: SmtpSink
let servers: RunningServer[] = []
let emails: string[]

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'digest-schedule-'))
  sink = await startSmtpSink()
  const db = openSqlite(join(dataDir, 'bedragerivarningar.sqlite'))
  emails = await addActiveSubscribers(db, SUBSCRIBERS, '2026-01-01T00:00:00.000Z')
  db.close()
})

afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop().catch(() => {})))
  servers = []
  await sink.close()
  await rm(dataDir, { recursive: true, force: true })
})

/**
 * Starts `npm start` with the digest due now (the current UTC hour; due until the end of the
 * day, so only the day's last minutes are waited out) and a relay that answers after 100 ms,
 * and waits until the digest is under way.
 */
async function serverSendingTheDigest() {
  const now = new Date()
  if (now.getUTCHours() === 23 && now.getUTCMinutes() >= 57)
    await new Promise((r) => setTimeout(r, (61 - now.getUTCMinutes()) * 60_000))
  const env = {
    DATA_DIR: dataDir,
    SMTP_URL: sink.url,
    PUBLIC_URL: 'https://varningar.example.se',
    DIGEST_TIMEZONE: 'UTC',
    DIGEST_HOUR: String(new Date().getUTCHours()),
    DIGEST_LEASE_SECONDS: '10',
  }
  sink.delayReply(100)
  const server = await startServer(env)
  servers.push(server)
  await until(() => sink.received.length >= 15, 30_000, 'the scheduled digest to start sending')
  return { server, env }
}

/** Starts the next server at once, as a process manager does, and expects it to finish the day. */
async function nextServerFinishesTheDay(env: Record<string, string>) {
  sink.delayReply(0)
  const next = await startServer(env)
  servers.push(next)
  // A dead run's lease frees within 10 s and the schedule looks every minute: 90 s is ample.
  const reached = () => emails.filter((e) => sink.to(e).length > 0).length
  await until(() => reached() === SUBSCRIBERS, 90_000, 'every subscriber’s digest').catch(() => {})
  expect(reached(), next.output()).toBe(SUBSCRIBERS)
}

describe("the server's scheduled digest after kill -9 and an immediate restart", () => {
  it('still reaches every subscriber that day, once the dead run’s lease has expired', async () => {
    const { server: first, env } = await serverSendingTheDigest()
    process.kill(-first.child.pid!, 'SIGKILL')
    await new Promise((r) => first.child.once('exit', r))
    servers = []
    expect(sink.received.length).toBeLessThan(SUBSCRIBERS)
    await nextServerFinishesTheDay(env)
  }, 420_000)
})

describe("the server's scheduled digest across a deploy (SIGTERM, then a new server)", () => {
  it('the stopped server hands over: its run ends as stopped, and the new server finishes the day', async () => {
    const { server: old, env } = await serverSendingTheDigest()
    // What a process manager does on a deploy: SIGTERM, wait for the exit, start the new one.
    await old.stop()
    servers = []
    expect(sink.received.length).toBeLessThan(SUBSCRIBERS)

    const db = openSqlite(join(dataDir, 'bedragerivarningar.sqlite'))
    const runs = await db.all<{ outcome: string | null }>('SELECT outcome FROM digest_runs')
    const lease = await db.first<{ expires_at: string }>('SELECT expires_at FROM leases')
    db.close()
    // README: a stopped run "stops before its next message" and is recorded as stopped.
    expect.soft(runs.map((r) => r.outcome)).toEqual(['stopped'])
    expect.soft(lease?.expires_at, 'the lease is released on a clean stop').toBe('')
    await nextServerFinishesTheDay(env)
  }, 420_000)
})
