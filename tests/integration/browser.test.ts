import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../support/server'

// Debian's Chromium; test tools cannot download browsers on these machines.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

let dir: string
let server: RunningServer
let browser: Browser

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
    )
  }
  dir = await mkdtemp(join(tmpdir(), 'browser-'))
  server = await startServer({ DATA_DIR: dir, DIGEST_HOUR: 'off' })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

/** A fresh page that records CSP violations and console errors. */
async function openPage(options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`))
  return { page, problems, close: () => context.close() }
}

describe('pages in Chromium', () => {
  it('shows the jem & fix warning with its contacts, styled, with nothing blocked by the CSP', async () => {
    const { page, problems, close } = await openPage()
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: /jem & fix varnar/ }).click()
    expect(await page.locator('h1').textContent()).toContain('jem & fix varnar')
    const text = (await page.locator('main').textContent()) ?? ''
    for (const fact of ['@jemfix.com', '046-28 52 900', 'jemofixsverige', 'jemfix.se'])
      expect(text).toContain(fact)
    // The stylesheet loaded: the header has its dark background.
    const background = await page
      .locator('.site-header')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).toBe('rgb(18, 38, 63)')
    expect(problems).toEqual([])
    await close()
  })

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, close } = await openPage({ width: 360 })
    for (const path of ['/', '/alerts/jem-fix-2026-02-28', '/companies/jem-fix', '/check']) {
      await page.goto(`${server.url}${path}`)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      )
      expect(overflow, path).toBeLessThanOrEqual(0)
    }
    await close()
  })

  it('checks a pasted message with JavaScript off, showing findings and never a link to them', async () => {
    const { page, close } = await openPage({ javaScriptEnabled: false })
    await page.goto(`${server.url}/check`)
    await page.fill(
      'textarea[name=text]',
      'jem & fix: ditt paket väntar, betala tullen på https://jemfix-tull.example/betala <script>alert(1)</script>',
    )
    await page.fill('input[name=sender]', '+46 46 285 29 01')
    await page.click('button[type=submit]')
    await page.waitForSelector('.verdict')
    expect(await page.locator('.verdict h2').textContent()).toBe('Misstänkt meddelande')
    const findings = await page.locator('.finding').allTextContents()
    expect(findings.join('\n')).toContain('hxxps://jemfix-tull[.]example/betala')
    expect(findings.join('\n')).toMatch(/skiljer sig med en siffra/)
    expect(await page.locator('a[href*="jemfix-tull"]').count()).toBe(0)
    // The pasted text is back in the form, as text.
    expect(await page.inputValue('textarea[name=text]')).toContain('<script>alert(1)</script>')
    expect(await page.locator('script').count()).toBe(0)
    await close()
  })

  it('subscribes through the form and shows the same answer for any address', async () => {
    const { page, close } = await openPage()
    await page.goto(`${server.url}/companies/jem-fix`)
    await page.fill('input[name=email]', 'browser@example.se')
    await page.check('input[name=companies]')
    await page.click('form.subscribe button[type=submit]')
    await page.waitForSelector('h1')
    expect(await page.locator('h1').textContent()).toBe('Kolla din e-post')
    await close()
  })
})
