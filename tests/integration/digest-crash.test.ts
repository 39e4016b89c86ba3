import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { BEGIN_AHEAD } from '../../src/digest/run-digest'
import { groupAlive, runDigestToEnd, startDigest, until } from '../support/digest-process'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { addActiveSubscribers } from '../support/subscribers'

// Real parts only: `npm run digest` as a process, a SQLite file, the SMTP sink, SIGKILL.
const SUBSCRIBERS = 60
let dataDir: string
let sink: SmtpSink
let env: Record<string, string>
let emails: string[]

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'digest-crash-'))
  sink = await startSmtpSink()
  const db = openSqlite(join(dataDir, 'bedragerivarningar.sqlite'))
  // Confirmed before the jem & fix alert is first seen, so every subscriber has it to get.
  emails = await addActiveSubscribers(db, SUBSCRIBERS, '2026-01-01T00:00:00.000Z')
  db.close()
  env = { DATA_DIR: dataDir, SMTP_URL: sink.url, PUBLIC_URL: 'https://varningar.example.se' }
})

afterEach(async () => {
  await sink.close()
  await rm(dataDir, { recursive: true, force: true })
})

/** Message-IDs each subscriber received, in order. */
async function messageIds(): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>(emails.map((e) => [e, []]))
  for (const mail of sink.received) {
    const parsed = await simpleParser(mail.raw)
    for (const to of mail.to) ids.get(to)?.push(parsed.messageId ?? '')
  }
  return ids
}

/** Deliveries left in flight (`sending`) and the runs, as the database holds them now. */
async function deliveryRows() {
  const db = openSqlite(join(dataDir, 'bedragerivarningar.sqlite'))
  try {
    const sending = await db.all<{ email: string; message_id: string }>(
      `SELECT s.email, d.message_id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.status = 'sending'`,
    )
    const runs = await db.all<{ finished_at: string | null; outcome: string | null }>(
      'SELECT finished_at, outcome FROM digest_runs ORDER BY id',
    )
    return { inFlight: new Map(sending.map((r) => [r.email, r.message_id])), runs }
  } finally {
    db.close()
  }
}

/** Every subscriber got one digest: one Message-ID, and a second copy only if allowed. */
async function expectExactlyOnce(inFlightAtCrash: Map<string, string>) {
  for (const [email, ids] of await messageIds()) {
    expect(ids.length, `${email} got no digest`).toBeGreaterThanOrEqual(1)
    expect(new Set(ids).size, `${email} got different digests: ${ids.join(', ')}`).toBe(1)
    if (ids.length > 1) {
      // Only a message in flight at the crash goes twice, with the Message-ID it first had.
      expect(inFlightAtCrash.get(email), `${email} got ${ids.length} copies`).toBe(ids[0])
      expect(ids).toHaveLength(2)
    }
  }
}

describe('npm run digest killed mid-run (finding 2)', () => {
  it('after kill -9 of the whole process group, a rerun leaves every subscriber exactly one digest', async () => {
    sink.delayReply(40)
    const short = { ...env, DIGEST_LEASE_SECONDS: '2' }
    const run = startDigest(short)
    await until(() => sink.received.length >= 15, 30_000, '15 digests')
    process.kill(-run.child.pid!, 'SIGKILL')
    const killedAt = Date.now()
    await run.exited
    await until(() => !groupAlive(run.child.pid!), 5_000, 'the killed group to be gone')
    const atCrash = sink.received.length
    expect(atCrash).toBeLessThan(SUBSCRIBERS)

    const { inFlight, runs } = await deliveryRows()
    expect(inFlight.size).toBeGreaterThan(0)
    // Three connections, each with a group of deliveries begun together and not all sent yet.
    expect(inFlight.size).toBeLessThanOrEqual(3 * BEGIN_AHEAD)
    expect(runs.every((r) => r.finished_at === null)).toBe(true)

    sink.delayReply(0)
    // The dead run's lease is not renewed any more and frees within its 2 s.
    let rerun = await runDigestToEnd(short)
    while (rerun.code === 2 && Date.now() - killedAt < 15_000) {
      await new Promise((r) => setTimeout(r, 250))
      rerun = await runDigestToEnd(short)
    }
    expect(rerun.code, rerun.output).toBe(0)
    expect(Date.now() - killedAt).toBeLessThan(15_000)
    expect(rerun.output).toMatch(new RegExp(`${inFlight.size} resent from an interrupted run`))
    await expectExactlyOnce(inFlight)

    const after = await deliveryRows()
    expect(after.inFlight.size).toBe(0)
    expect(after.runs.map((r) => r.outcome)).toEqual(['abandoned', 'done'])
  }, 60_000)

  it('after kill -9 of the npm process alone, the digest process stops sending at once', async () => {
    sink.delayReply(100)
    const run = startDigest(env)
    await until(() => sink.received.length >= 10, 30_000, '10 digests')
    process.kill(run.child.pid!, 'SIGKILL')
    // The orphaned worker notices within a poll (200 ms) and finishes only what is in flight.
    await until(() => !groupAlive(run.child.pid!), 10_000, 'the orphaned digest process to exit')
    const stopped = sink.received.length
    await new Promise((r) => setTimeout(r, 1_000))
    expect(sink.received.length).toBe(stopped)
    expect(stopped).toBeLessThan(SUBSCRIBERS)

    const rerun = await runDigestToEnd(env)
    expect(rerun.code, rerun.output).toBe(0)
    await expectExactlyOnce(new Map())
  }, 60_000)
})

describe('two digest runs and one lease (finding 1)', () => {
  it('a run that outlives its lease keeps it by heartbeat: a second run started then sends nothing', async () => {
    sink.delayReply(400)
    const short = { ...env, DIGEST_LEASE_SECONDS: '2' }
    const first = startDigest(short)
    // 60 messages at 400 ms, 3 at a time: about 8 s, four times the 2 s lease.
    await until(() => sink.received.length >= 3, 30_000, 'the first run to send')
    await new Promise((r) => setTimeout(r, 2_500))
    const second = await runDigestToEnd(short)
    // Only meaningful while the first run was still sending when the second one ended.
    expect(first.child.exitCode).toBeNull()
    expect(sink.received.length).toBeLessThan(SUBSCRIBERS)
    expect(second.code, second.output).toBe(2)
    expect(second.output).toMatch(/Another digest run is in progress/)
    expect(await first.exited).toBe(0)
    await expectExactlyOnce(new Map())
  }, 60_000)

  it('a run frozen past its lease is overtaken and stops before its next send; nobody gets two digests', async () => {
    sink.delayReply(100)
    const short = { ...env, DIGEST_LEASE_SECONDS: '2' }
    const frozen = startDigest(short)
    await until(() => sink.received.length >= 6, 30_000, 'the first run to send')
    process.kill(-frozen.child.pid!, 'SIGSTOP')
    const { inFlight } = await deliveryRows()
    await new Promise((r) => setTimeout(r, 3_000))

    sink.delayReply(0)
    const takeover = await runDigestToEnd(short)
    expect(takeover.code, takeover.output).toBe(0)
    const afterTakeover = sink.received.length
    process.kill(-frozen.child.pid!, 'SIGCONT')
    expect(await frozen.exited).toBe(1)
    expect(frozen.output()).toMatch(/another run took over the lease/)
    // The frozen run sent nothing new after waking: at most its replies in flight completed.
    expect(sink.received.length).toBe(afterTakeover)
    await expectExactlyOnce(inFlight)
  }, 60_000)
})
