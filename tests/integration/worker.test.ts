import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { until } from '../support/digest-process'
import { PARITY_CASES } from '../support/http-cases'
import { personalDataIn, SUBSCRIBER_DOMAIN, tokensIn } from '../support/personal-data'
import { type RunningServer, startServer } from '../support/server'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { waitForRun } from '../support/worker-digest'
import { startWorkerDev, type WorkerDev } from '../support/wrangler-dev'

const PUBLIC_URL = 'https://varningar.example.se'
const CONTACT_EMAIL = 'rattelse@varningar.example.se'
/** 07:10 in Stockholm in winter and in summer: the digest hour on both runtimes. */
const DIGEST_WINTER = new Date('2025-01-15T06:10:00Z')
const DIGEST_SUMMER = new Date('2025-07-15T05:10:00Z')
/** 06:55 in Stockholm in summer: the digest hour has not come yet. */
const SUMMER_0455_UTC = new Date('2025-07-15T04:55:00Z')
/** Pasted into the checker; must never reach a log. */
const PASTED = 'Klistrat-meddelande-4711 från jem & fix: betala på jemfix.net'
/** Searched for; must never reach a log either (FICTION: a number in the fiction range). */
const SEARCHED = 'sökt-4713 070-174 06 13'

let dir: string
let sink: SmtpSink
let worker: WorkerDev
let node: RunningServer

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'worker-'))
  sink = await startSmtpSink()
  // One after the other: wrangler binds helper ports of its own while it starts.
  node = await startServer({
    DATA_DIR: join(dir, 'node'),
    PUBLIC_URL,
    CONTACT_EMAIL,
    DIGEST_HOUR: 'off',
    TRUST_PROXY: '1',
  })
  worker = await startWorkerDev(join(dir, 'wrangler'), {
    PUBLIC_URL,
    SMTP_URL: sink.url,
    CONTACT_EMAIL,
  })
}, 120_000)

afterAll(async () => {
  await Promise.all([worker?.stop(), node?.stop()])
  await sink?.close()
  await rm(dir, { recursive: true, force: true })
})

const address = (name: string) => `${name}@${SUBSCRIBER_DOMAIN}`

/** A subscription request from `ip` (what Cloudflare puts in cf-connecting-ip). */
function subscribe(email: string, ip: string) {
  return fetch(`${worker.url}/api/subscriptions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'cf-connecting-ip': ip },
    body: JSON.stringify({ email }),
  })
}

async function confirmationToken(email: string, timeoutMs = 30_000): Promise<string> {
  const mail = await simpleParser((await sink.waitFor(email, timeoutMs)).raw)
  const token = mail.text?.match(/\/confirm\?token=([\w-]{43})/)?.[1]
  if (!token) throw new Error(`no confirmation link in the mail to ${email}`)
  return token
}

function confirm(token: string) {
  return fetch(`${worker.url}/confirm`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: worker.url },
    body: new URLSearchParams({ token }).toString(),
  })
}

/** One number from `wrangler d1 execute --json`. */
async function count(sql: string): Promise<number> {
  const [result] = JSON.parse(await worker.d1(sql)) as { results: { n: number }[] }[]
  return result!.results[0]!.n
}

describe('the Worker in workerd (wrangler dev)', () => {
  it('serves pages, the feed and the checker', async () => {
    const page = await (await fetch(`${worker.url}/alerts/jem-fix-2026-02-28`)).text()
    expect(page).toContain('046-28 52 900')
    const feed = await fetch(`${worker.url}/feed.xml`)
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=UTF-8')
    expect(XMLValidator.validate(await feed.text())).toBe(true)
    const check = await fetch(`${worker.url}/api/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Besök jemfix.net nu' }),
    })
    expect(((await check.json()) as { verdict: string }).verdict).toBe('suspicious')
    const about = await (await fetch(`${worker.url}/about`)).text()
    expect(about).toContain(`mailto:${CONTACT_EMAIL}`)
  })

  it('reports its health: database schema and mail transport', async () => {
    const res = await fetch(`${worker.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, mail: { status: 'ok' } },
    })
  })

  it('subscribes and confirms with D1, mails over SMTP from workerd, and sends the cron digest', async () => {
    const email = address('worker-reader')
    expect((await subscribe(email, '192.0.2.10')).status).toBe(202)
    expect((await confirm(await confirmationToken(email))).status).toBe(200)

    // Publishing a new alert means deploying a new bundle; forgetting when the current one was
    // first seen has the same effect on the digest.
    await worker.d1('DELETE FROM alerts_seen')
    sink.received.length = 0
    let since = new Date()
    expect((await worker.scheduled(DIGEST_WINTER)).status).toBe(200)
    await waitForRun(worker, since)
    const digest = await simpleParser((await sink.waitFor(email, 30_000)).raw)
    expect(digest.subject).toBe('Ny bedrägerivarning: jem & fix')
    expect(digest.text).toContain(`${PUBLIC_URL}/alerts/jem-fix-2026-02-28`)
    const unsubscribe = digest.text?.match(
      /https:\/\/varningar\.example\.se(\/unsubscribe\?token=[\w-]{43})/,
    )?.[1]
    expect(unsubscribe).toBeDefined()

    const oneClick = await fetch(`${worker.url}${unsubscribe}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    await worker.d1('DELETE FROM alerts_seen')
    sink.received.length = 0
    since = new Date()
    expect((await worker.scheduled(DIGEST_WINTER)).status).toBe(200)
    await waitForRun(worker, since)
    expect(sink.to(email)).toHaveLength(0)
  }, 90_000)

  it('mails every one of 20 subscriptions made over 20 requests, and each confirms (finding 1)', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => address(`many${i}`))
    for (const [i, email] of emails.entries())
      expect((await subscribe(email, `198.51.100.${i + 1}`)).status).toBe(202)
    for (const email of emails)
      expect((await confirm(await confirmationToken(email))).status).toBe(200)
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM subscribers WHERE status = 'active' AND email LIKE 'many%'`,
      ),
    ).toBe(20)
  }, 120_000)

  it('finishes two crons in one isolate, each queueing a run that sends and releases the lease (finding 1)', async () => {
    // 20 subscribers of its own, written straight into D1.
    const t = '2020-01-01T00:00:00.000Z'
    const rows = Array.from({ length: 20 }, (_, i) => {
      const email = address(`cron${i}`)
      const token = `cron-unsubscribe-${i}`.padEnd(43, 'x')
      return `('${email}', '${email}', 'active', '${token}', '${t}', '${t}', '${t}', '${t}')`
    })
    await worker.d1(
      `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, digest_cursor, created_at, confirmed_at, updated_at) VALUES ${rows.join(', ')}`,
    )
    const active = await count("SELECT COUNT(*) AS n FROM subscribers WHERE status = 'active'")
    expect(active).toBeGreaterThanOrEqual(20)
    for (const at of [DIGEST_WINTER, DIGEST_SUMMER]) {
      await worker.d1('DELETE FROM alerts_seen')
      sink.received.length = 0
      const since = new Date()
      const res = await worker.scheduled(at)
      expect(res.status, await res.text()).toBe(200)
      expect(await waitForRun(worker, since)).toMatchObject({ outcome: 'done', sent: active })
      expect(sink.received.length).toBe(active)
    }
    expect(await count("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sending'")).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM digest_runs WHERE finished_at IS NULL')).toBe(0)
    expect(await count("SELECT COUNT(*) AS n FROM leases WHERE expires_at != ''")).toBe(0)
  }, 120_000)

  it('sends the digest from 07 Stockholm time all year, not from 05:00 UTC in summer (finding 8)', async () => {
    const runs = () => count('SELECT COUNT(*) AS n FROM digest_runs')
    const before = await runs()
    expect((await worker.scheduled(SUMMER_0455_UTC)).status).toBe(200)
    expect(await runs()).toBe(before)
    expect((await worker.scheduled(DIGEST_SUMMER)).status).toBe(200)
    expect(await runs()).toBe(before + 1)
  }, 60_000)

  it('deletes never-confirmed addresses, spent limits and old digest bookkeeping from the first cron of each hour, whatever the digest does', async () => {
    // Besides the stale rows, a digest run finished in 2020 (two unsubscribed readers): its
    // sent delivery and its batch are past the retention, its `sending` one must stay.
    const oldRun = `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, created_at, updated_at)
       VALUES ('old-a@example.se', 'old-a@example.se', 'unsubscribed', 'old-a-token-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z'),
              ('old-b@example.se', 'old-b@example.se', 'unsubscribed', 'old-b-token-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z');
       INSERT INTO digest_runs (id, started_at, finished_at, outcome)
       VALUES ('2020-old-run', '2020-01-01T06:00:00.000Z', '2020-01-01T07:00:00.000Z', 'done');
       INSERT INTO deliveries (run_id, subscriber_id, status, attempts, message_id, alert_ids, updated_at)
       SELECT '2020-old-run', id, CASE email WHEN 'old-a@example.se' THEN 'sent' ELSE 'sending' END, 1,
         '<digest.2020-old-run.' || id || '@varningar.example.se>', '[]', '2020-01-01T07:00:00.000Z'
       FROM subscribers WHERE email IN ('old-a@example.se', 'old-b@example.se');
       INSERT INTO digest_batches (run_id, batch_no, kind, size, status, updated_at)
       VALUES ('2020-old-run', 0, 'subscribers', 2, 'done', '2020-01-01T07:00:00.000Z');`
    await worker.d1(
      `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, created_at, updated_at)
       VALUES ('stale@example.se', 'stale@example.se', 'pending', 'stale-token-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z');
       INSERT INTO rate_limits (key, tat, allowed) VALUES ('ip:192.0.2.99', 1, 1);
       INSERT INTO mailbox_limits (key, tat, allowed) VALUES ('stale@example.se', 1, 1);
       ${oldRun}`,
    )
    const oldBookkeeping = async () => {
      const [result] = JSON.parse(
        await worker.d1(
          `SELECT 'delivery ' || status AS row FROM deliveries WHERE run_id = '2020-old-run'
           UNION ALL SELECT 'batch ' || batch_no FROM digest_batches WHERE run_id = '2020-old-run'
           UNION ALL SELECT 'run ' || id FROM digest_runs WHERE id = '2020-old-run'
           ORDER BY 1`,
        ),
      ) as { results: { row: string }[] }[]
      return result!.results.map((r) => r.row)
    }
    // One wrangler process per look: each costs seconds on a loaded machine.
    const left = () =>
      count(
        `SELECT (SELECT COUNT(*) FROM subscribers WHERE email = 'stale@example.se')
              + (SELECT COUNT(*) FROM rate_limits WHERE key = 'ip:192.0.2.99')
              + (SELECT COUNT(*) FROM mailbox_limits WHERE tat = 1) AS n`,
      )
    // 05:30 in Stockholm: before the digest hour, and not the first cron of the hour.
    expect((await worker.scheduled(new Date('2025-07-15T03:30:00Z'))).status).toBe(200)
    expect(await left()).toBe(3)
    expect(await oldBookkeeping()).toEqual([
      'batch 0',
      'delivery sending',
      'delivery sent',
      'run 2020-old-run',
    ])
    // 05:00: the first cron of the hour sweeps.
    expect((await worker.scheduled(new Date('2025-07-15T03:00:00Z'))).status).toBe(200)
    expect(await left()).toBe(0)
    // Pruned in D1 by the same statements as in SQLite: what a later run adopts stays.
    expect(await oldBookkeeping()).toEqual(['delivery sending', 'run 2020-old-run'])
    // Not adopted by a later test's digest: these readers exist only here.
    await worker.d1("DELETE FROM deliveries WHERE run_id = '2020-old-run'")
  }, 120_000)

  it('keeps a confirmation mail accepted while SMTP is down and sends it from the cron (finding 2)', async () => {
    const email = address('while-down')
    await sink.close()
    expect((await subscribe(email, '192.0.2.20')).status).toBe(202)
    await until(
      async () =>
        (await count(
          `SELECT COUNT(*) AS n FROM mail_outbox WHERE recipient = '${email}' AND status = 'pending' AND attempts > 0`,
        )) === 1,
      30_000,
      'a failed first attempt',
    )
    sink = await startSmtpSink({ port: sink.port })
    // The retry is due 30 s later; move it rather than wait.
    await worker.d1(`UPDATE mail_outbox SET next_attempt_at = '' WHERE status = 'pending'`)
    // 05:00 in Stockholm, before the digest hour: this cron only drains the outbox.
    expect((await worker.scheduled(new Date('2025-07-15T03:00:00Z'))).status).toBe(200)
    const token = await confirmationToken(email, 10_000)
    expect((await confirm(token)).status).toBe(200)
  }, 90_000)

  it('gives up on a refused address and logs it without the address', async () => {
    const email = address('refused')
    sink.onRcpt((to) => (to === email ? 550 : undefined))
    try {
      expect((await subscribe(email, '192.0.2.30')).status).toBe(202)
      await until(
        async () =>
          (await count(
            `SELECT COUNT(*) AS n FROM mail_outbox WHERE recipient = '${email}' AND status = 'failed'`,
          )) === 1,
        30_000,
        'the refused mail given up',
      )
    } finally {
      sink.onRcpt(undefined)
    }
    await until(() => /confirmation mail \d+ failed/.test(worker.output()), 10_000, 'the log line')
  }, 60_000)

  it('keys subscription limits on the IPv6 /64, not the address (finding 7)', async () => {
    const answers: Response[] = []
    for (let i = 1; i <= 21; i++)
      answers.push(await subscribe(address(`v6-${i}`), `2001:db8:aa:bb::${i.toString(16)}`))
    expect(answers.slice(0, 20).map((r) => r.status)).toEqual(Array(20).fill(202))
    expect(answers[20]!.status).toBe(429)
    expect(Number(answers[20]!.headers.get('retry-after'))).toBeGreaterThan(0)
  }, 60_000)

  it('limits checks per client without storing what was pasted (finding 7)', async () => {
    const statuses: number[] = []
    let refused: Response | undefined
    for (let i = 0; i < 121 && !refused; i++) {
      const res = await fetch(`${worker.url}/api/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'cf-connecting-ip': '203.0.113.77' },
        body: JSON.stringify({ text: PASTED }),
      })
      statuses.push(res.status)
      if (res.status === 429) refused = res
      else await res.arrayBuffer()
    }
    expect(refused, `statuses: ${statuses.join(',')}`).toBeDefined()
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused!.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await refused!.text()).not.toContain('4711')
    const form = await fetch(`${worker.url}/check`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: worker.url,
        'cf-connecting-ip': '203.0.113.77',
      },
      body: new URLSearchParams({ text: PASTED }).toString(),
    })
    expect(form.status).toBe(429)
    expect(
      await count("SELECT COUNT(*) AS n FROM rate_limits WHERE key LIKE '%203.0.113.77%'"),
    ).toBe(0)
  }, 60_000)

  it('logs events, never an address, a token, pasted text or a search (finding 3)', async () => {
    // What a reader searched for is personal too: a number that called them.
    for (const url of [worker.url, node.url]) {
      for (const path of ['/search?q=', '/api/lookup?q=']) {
        const res = await fetch(`${url}${path}${encodeURIComponent(SEARCHED)}`)
        expect(res.status).toBe(200)
        expect(res.headers.get('cache-control')).toBe('no-store')
        await res.arrayBuffer()
      }
    }
    const tokens = await tokensIn(sink.received)
    const log = worker.output()
    expect(log.length).toBeGreaterThan(0)
    // The log shows the request was made, so the search below would be seen if it were logged.
    expect(log).toContain('/api/lookup')
    // Distinctive pieces of what was pasted and searched, raw or percent-encoded alike: a bare
    // '4711' also turned up by chance among the ports and timings wrangler logs.
    const secrets = ['meddelande-4711', 'kt-4713', '1740613', '174 06 13', '174%2006%2013']
    expect(personalDataIn(log, { tokens, other: secrets })).toEqual([])
    expect(personalDataIn(node.output(), { other: secrets })).toEqual([])
  })
})

describe('parity: the Node server and the Worker answer alike', () => {
  it.each(PARITY_CASES)('$name', async ({ path, init }) => {
    const [fromNode, fromWorker] = await Promise.all([
      fetch(`${node.url}${path}`, init),
      fetch(`${worker.url}${path}`, init),
    ])
    expect(fromWorker.status).toBe(fromNode.status)
    expect(fromWorker.headers.get('content-type')).toBe(fromNode.headers.get('content-type'))
    expect(fromWorker.headers.get('etag')).toBe(fromNode.headers.get('etag'))
    expect(fromWorker.headers.get('content-security-policy')).toBe(
      fromNode.headers.get('content-security-policy'),
    )
    expect(await fromWorker.text()).toBe(await fromNode.text())
  })

  it('refuses checks over the limit alike', async () => {
    const overLimit = async (url: string, headers: Record<string, string>) => {
      for (let i = 0; i < 121; i++) {
        const res = await fetch(`${url}/api/check`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ text: 'Ring 046-28 52 900' }),
        })
        if (res.status === 429) return res
        await res.arrayBuffer()
      }
      throw new Error(`no 429 from ${url}`)
    }
    const [fromNode, fromWorker] = await Promise.all([
      overLimit(node.url, { 'X-Forwarded-For': '203.0.113.88' }),
      overLimit(worker.url, { 'cf-connecting-ip': '203.0.113.88' }),
    ])
    for (const res of [fromNode, fromWorker])
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(fromWorker.headers.get('content-type')).toBe(fromNode.headers.get('content-type'))
    expect(fromWorker.headers.get('content-security-policy')).toBe(
      fromNode.headers.get('content-security-policy'),
    )
    expect(await fromWorker.text()).toBe(await fromNode.text())
  }, 60_000)
})
