import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PARITY_CASES } from '../support/http-cases'
import { type RunningServer, startServer } from '../support/server'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { startWorkerDev, type WorkerDev } from '../support/wrangler-dev'

const PUBLIC_URL = 'https://varningar.example.se'

let dir: string
let sink: SmtpSink
let worker: WorkerDev
let node: RunningServer

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'worker-'))
  sink = await startSmtpSink()
  // One after the other: wrangler binds helper ports of its own while it starts.
  node = await startServer({ DATA_DIR: join(dir, 'node'), PUBLIC_URL, DIGEST_HOUR: 'off' })
  worker = await startWorkerDev(join(dir, 'wrangler'), { PUBLIC_URL, SMTP_URL: sink.url })
}, 120_000)

afterAll(async () => {
  await Promise.all([worker?.stop(), node?.stop()])
  await sink?.close()
  await rm(dir, { recursive: true, force: true })
})

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
  })

  it('subscribes and confirms with D1, mails over SMTP from workerd, and sends the cron digest', async () => {
    const email = 'worker-reader@example.se'
    const res = await fetch(`${worker.url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    })
    expect(res.status).toBe(202)
    const confirmation = await simpleParser((await sink.waitFor(email, 30_000)).raw)
    const token = confirmation.text?.match(/\/confirm\?token=([\w-]{43})/)?.[1]
    expect(token).toBeDefined()
    const confirmed = await fetch(`${worker.url}/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: worker.url },
      body: new URLSearchParams({ token: token! }).toString(),
    })
    expect(confirmed.status).toBe(200)

    // Publishing a new alert means deploying a new bundle; forgetting when the current one was
    // first seen has the same effect on the digest.
    await worker.d1('DELETE FROM alerts_seen')
    sink.received.length = 0
    expect((await worker.scheduled()).status).toBe(200)
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
    expect((await worker.scheduled()).status).toBe(200)
    await new Promise((r) => setTimeout(r, 500))
    expect(sink.to(email)).toHaveLength(0)
  }, 90_000)
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
})
