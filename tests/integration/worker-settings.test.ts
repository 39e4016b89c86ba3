import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { until } from '../support/digest-process'
import { personalDataIn, SUBSCRIBER_DOMAIN } from '../support/personal-data'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { startWorkerDev, type WorkerDev } from '../support/wrangler-dev'

/**
 * The Worker as it may be deployed by mistake, each in local workerd: a malformed SMTP_URL,
 * a database without migrations, the shipped wrangler.toml with no secret set, and the
 * explicit development mode. One after the other, each with its own state.
 */

const PUBLIC_URL = 'https://varningar.example.se'
/** 07:10 in Stockholm: the digest is due. */
const DIGEST_TIME = new Date('2025-01-15T06:10:00Z')
const CSP = "default-src 'none'"

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'worker-settings-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function subscribe(worker: WorkerDev, email: string) {
  return fetch(`${worker.url}/api/subscriptions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  })
}

async function count(worker: WorkerDev, sql: string): Promise<number> {
  const [result] = JSON.parse(await worker.d1(sql)) as { results: { n: number }[] }[]
  return result!.results[0]!.n
}

async function health(worker: WorkerDev) {
  const res = await fetch(`${worker.url}/healthz`)
  return {
    status: res.status,
    body: (await res.json()) as {
      status: string
      checks: Record<string, { status: string; problem?: string }>
    },
  }
}

/** Pages, the checker page and the checker API, each with its CSP. */
async function expectSiteServed(worker: WorkerDev) {
  for (const path of ['/', '/alerts/jem-fix-2026-02-28', '/check', '/about']) {
    const res = await fetch(`${worker.url}${path}`)
    expect(res.status, path).toBe(200)
    expect(res.headers.get('content-security-policy'), path).toContain(CSP)
  }
  const check = await fetch(`${worker.url}/api/check`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'Besök jemfix.net nu' }),
  })
  expect(check.status).toBe(200)
  expect(check.headers.get('content-security-policy')).toContain(CSP)
}

/** An active subscriber written straight into D1, with every alert new to them. */
async function addActiveSubscriber(worker: WorkerDev, email: string) {
  const t = '2020-01-01T00:00:00.000Z'
  await worker.d1(
    `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, digest_cursor, created_at, confirmed_at, updated_at)
     VALUES ('${email}', '${email}', 'active', '${'u'.repeat(43)}', '${t}', '${t}', '${t}', '${t}')`,
  )
  await worker.d1('DELETE FROM alerts_seen')
}

/** The cron refuses the digest and moves nobody's cursor. */
async function expectDigestRefused(worker: WorkerDev, why: RegExp) {
  const email = `cursor@${SUBSCRIBER_DOMAIN}`
  await addActiveSubscriber(worker, email)
  const res = await worker.scheduled(DIGEST_TIME)
  expect(res.status).toBe(200)
  // The log line travels through wrangler's output, which may trail the answer a little.
  await until(() => why.test(worker.output()), 10_000, `a log line matching ${why}`)
  expect(await count(worker, 'SELECT COUNT(*) AS n FROM digest_runs')).toBe(0)
  expect(
    await count(
      worker,
      `SELECT COUNT(*) AS n FROM subscribers WHERE email = '${email}' AND digest_cursor = '2020-01-01T00:00:00.000Z'`,
    ),
  ).toBe(1)
}

describe('a malformed SMTP_URL (finding 5)', () => {
  let worker: WorkerDev
  beforeAll(async () => {
    worker = await startWorkerDev(join(dir, 'malformed'), {
      PUBLIC_URL,
      SMTP_URL: 'http://mailer:hunter2@smtp.example.com:587',
    })
  }, 120_000)
  afterAll(() => worker?.stop())

  it('still serves the pages and the checker, with their CSP', async () => {
    await expectSiteServed(worker)
  })

  it('reports mail as degraded in /healthz (200), naming the setting but not its value', async () => {
    const { status, body } = await health(worker)
    expect(status).toBe(200)
    expect(body.status).toBe('degraded')
    expect(body.checks.database?.status).toBe('ok')
    expect(body.checks.mail?.status).toBe('degraded')
    expect(body.checks.mail?.problem).toMatch(/SMTP_URL/)
    expect(JSON.stringify(body)).not.toContain('hunter2')
  })

  it('answers subscriptions with a clear 503 and refuses the digest, saying why', async () => {
    const res = await subscribe(worker, `early@${SUBSCRIBER_DOMAIN}`)
    expect(res.status).toBe(503)
    expect(((await res.json()) as { error: string }).error).toMatch(/unavailable/)
    await expectDigestRefused(worker, /digest not run: .*SMTP_URL/)
    expect(personalDataIn(worker.output(), { other: ['hunter2'] })).toEqual([])
    // Parsed once for the isolate, not per request: one warning for every request and cron.
    expect(worker.output().match(/mail is off: /g)).toHaveLength(1)
  }, 60_000)
})

describe('a database without migrations (finding 6)', () => {
  let worker: WorkerDev
  let sink: SmtpSink
  beforeAll(async () => {
    sink = await startSmtpSink()
    worker = await startWorkerDev(
      join(dir, 'unmigrated'),
      { PUBLIC_URL, SMTP_URL: sink.url },
      { migrate: false },
    )
  }, 120_000)
  afterAll(async () => {
    await worker?.stop()
    await sink?.close()
  })

  it('answers /healthz 503 naming the missing migrations, and subscribing 503', async () => {
    const { status, body } = await health(worker)
    expect(status).toBe(503)
    expect(body.status).toBe('unavailable')
    expect(body.checks.database?.status).toBe('unavailable')
    expect(body.checks.database?.problem).toMatch(/0001_subscriptions/)
    const res = await subscribe(worker, `unmigrated@${SUBSCRIBER_DOMAIN}`)
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBeTruthy()
    expect(((await res.json()) as { error: string }).error).toMatch(/unavailable/)
    const page = await fetch(`${worker.url}/confirm?token=${'A'.repeat(43)}`)
    expect(page.status).toBe(503)
    expect(page.headers.get('content-security-policy')).toContain(CSP)
    await expectSiteServed(worker)
  })

  it('recovers once the migrations are applied', async () => {
    await worker.migrate()
    expect((await health(worker)).status).toBe(200)
    const email = `migrated@${SUBSCRIBER_DOMAIN}`
    expect((await subscribe(worker, email)).status).toBe(202)
    await sink.waitFor(email, 30_000)
  }, 60_000)
})

describe('the shipped wrangler.toml deployed as is: no SMTP_URL, a localhost PUBLIC_URL (findings 4, 6)', () => {
  let worker: WorkerDev
  beforeAll(async () => {
    worker = await startWorkerDev(join(dir, 'as-shipped'), {})
  }, 120_000)
  afterAll(() => worker?.stop())

  it('serves the site, reports mail degraded with both reasons', async () => {
    await expectSiteServed(worker)
    const { status, body } = await health(worker)
    expect(status).toBe(200)
    expect(body.checks.mail?.status).toBe('degraded')
    expect(body.checks.mail?.problem).toMatch(/SMTP_URL/)
    expect(body.checks.mail?.problem).toMatch(/PUBLIC_URL/)
  })

  it('logs no one, takes no subscription it cannot mail, and refuses digests without moving a cursor (finding 3)', async () => {
    const res = await subscribe(worker, `nomail@${SUBSCRIBER_DOMAIN}`)
    // Checked first and after a pause: this Worker used to log each message it could not
    // send, with the address and live confirmation and unsubscribe links.
    await new Promise((r) => setTimeout(r, 1500))
    expect(personalDataIn(worker.output())).toEqual([])
    expect(res.status).toBe(503)
    await expectDigestRefused(worker, /digest not run: .*SMTP_URL/)
    expect(personalDataIn(worker.output())).toEqual([])
  }, 60_000)
})

describe('the explicit development mode without SMTP_URL (finding 4)', () => {
  let worker: WorkerDev
  beforeAll(async () => {
    worker = await startWorkerDev(join(dir, 'development'), {
      ENVIRONMENT: 'development',
      PUBLIC_URL: 'http://localhost:8787',
    })
  }, 120_000)
  afterAll(() => worker?.stop())

  it('prints the confirmation link for the developer, and still refuses digests', async () => {
    const email = `developer@${SUBSCRIBER_DOMAIN}`
    expect((await subscribe(worker, email)).status).toBe(202)
    const deadline = Date.now() + 15_000
    while (!/confirm\?token=[\w-]{43}/.test(worker.output()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))
    expect(worker.output()).toMatch(/http:\/\/localhost:8787\/confirm\?token=[\w-]{43}/)
    // Even here the log names no one: the developer knows which address they typed.
    expect(worker.output()).not.toContain(email)
    await expectDigestRefused(worker, /digest not run: .*SMTP_URL/)
  }, 60_000)
})
