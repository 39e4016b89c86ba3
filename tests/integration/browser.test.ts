import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { simpleParser } from 'mailparser'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { fictionalAlert, fictionalDraft } from '../support/fixtures'
import { type RunningServer, startServer } from '../support/server'

// Debian's Chromium; test tools cannot download browsers on these machines.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Screenshots and PDFs for people to look at; gitignored. */
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'browser')
const AXE_SOURCE = await readFile(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

let dirs: string[] = []
let server: RunningServer
/** The same server over 45 fictional warnings, for filters and pages. */
let listServer: RunningServer
let browser: Browser

/** FICTION: three made-up companies on reserved domains, four kinds of channels. */
async function fictionalAlertsDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'alerts-'))
  const companies = [
    { slug: 'exempelbolaget', name: 'Exempelbolaget' },
    { slug: 'provbutiken', name: 'Provbutiken' },
    { slug: 'odla', name: 'Ödla' },
  ]
  const channels = [['sms'], ['email'], ['phone', 'sms'], ['social']]
  for (let i = 0; i < 45; i++) {
    const company = companies[i % 3]!
    const record = fictionalAlert({
      id: `${company.slug}-${String(i).padStart(2, '0')}`,
      title: `Fiktiv varning ${String(i).padStart(2, '0')}`,
      published: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      company: { ...company, aliases: [] },
      channels: channels[i % 4],
      official: i < 3 ? { emailDomains: [`${company.slug}.example.se`] } : undefined,
    })
    await writeFile(join(dir, `${record.id}.yaml`), stringify(record))
  }
  return dir
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
    )
  }
  await mkdir(ARTIFACTS, { recursive: true })
  const data = await mkdtemp(join(tmpdir(), 'browser-'))
  const listData = await mkdtemp(join(tmpdir(), 'browser-list-'))
  const alerts = await fictionalAlertsDir()
  dirs = [data, listData, alerts]
  ;[server, listServer] = await Promise.all([
    startServer({ DATA_DIR: data, DIGEST_HOUR: 'off' }),
    startServer({ DATA_DIR: listData, DIGEST_HOUR: 'off', ALERTS_DIR: alerts }),
  ])
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
  await Promise.all([server?.stop(), listServer?.stop()])
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

interface PageOptions {
  javaScriptEnabled?: boolean
  width?: number
  colorScheme?: 'light' | 'dark'
}

/** A fresh page that records CSP violations, console errors and failed requests. */
async function openPage(options: PageOptions = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  })
  // Injected by the browser's DevTools protocol, so the page's CSP does not apply to it.
  await context.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { cspViolations: seen })
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    )
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (m) => {
    // An error page's own 4xx status is logged too; it is what the test asked for.
    const ownStatus = m.location().url === page.url() && /^Failed to load resource/.test(m.text())
    if (m.type() === 'error' && !ownStatus) problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`))
  return { page, problems, close: () => context.close() }
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)

/** axe-core's violations of any impact, injected through DevTools (the CSP forbids inline scripts). */
async function axeViolations(page: Page) {
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (
          context: Document,
          options: object,
        ) => Promise<{
          violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
        }>
      }
    }
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
}

/** Whether the header's brand and every menu link sit on one line. */
function headerIsOneLine(page: Page) {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('.site-header .brand, .site-header nav a')]
    const first = items[0]!.getBoundingClientRect()
    return items.every((item) => {
      const box = item.getBoundingClientRect()
      const middle = box.top + box.height / 2
      return middle > first.top && middle < first.bottom
    })
  })
}

/**
 * Everything every page must pass: no axe violation of any impact, no CSP violation, no
 * console error, no sideways scrolling, the header on one line. Saves a full-page screenshot.
 */
async function audit(page: Page, problems: string[], name: string) {
  expect(await axeViolations(page), name).toEqual([])
  expect(await cspViolations(page), name).toEqual([])
  expect(problems, name).toEqual([])
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  )
  expect(overflow, name).toBeLessThanOrEqual(0)
  expect(await headerIsOneLine(page), name).toBe(true)
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** Every page reachable with a GET, by a short name for its screenshot. */
const STATIC_PAGES: [name: string, path: string][] = [
  ['home', '/'],
  ['home-filtered', '/?channel=sms&company=jem-fix'],
  ['alert', '/alerts/jem-fix-2026-02-28'],
  ['companies', '/companies'],
  ['company', '/companies/jem-fix'],
  ['check', '/check'],
  ['search', '/search'],
  ['search-official', `/search?q=${encodeURIComponent('0046 46 285 29 00')}`],
  ['search-lookalike', '/search?q=jemfix-support.se'],
  ['search-several', `/search?q=${encodeURIComponent('jem och fix 046-28 52 901 jemfix.se')}`],
  ['search-no-match', '/search?q=nagonheltannan'],
  ['search-too-long', `/search?q=${'a'.repeat(201)}`],
  ['guidance', '/guidance'],
  ['about', '/about'],
  ['privacy', '/privacy'],
  ['feeds', '/feeds'],
  ['not-found', '/no/such/page'],
  ['bad-filter', '/?channel=fax'],
]

/** The newest confirmation or unsubscribe link mailed to an address (the .eml outbox). */
async function linkFromOutbox(address: string, kind: 'confirm' | 'unsubscribe'): Promise<string> {
  const outbox = join(dirs[0]!, 'outbox')
  const deadline = Date.now() + 10_000
  for (;;) {
    const files = (await readdir(outbox).catch(() => [])).sort()
    for (const file of files.reverse()) {
      const mail = await simpleParser(await readFile(join(outbox, file)))
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to
      const link = mail.text?.match(new RegExp(`https?://\\S+/${kind}\\?token=[\\w-]+`))?.[0]
      if (to?.text === address && link) return new URL(link).pathname + new URL(link).search
    }
    if (Date.now() > deadline) throw new Error(`no ${kind} link for ${address}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('every page in Chromium', () => {
  for (const width of [375, 1280]) {
    it(`passes axe with no violation, no CSP violation and no overflow at ${width} px`, async () => {
      const { page, problems, close } = await openPage({ width })
      for (const [name, path] of STATIC_PAGES) {
        await page.goto(`${server.url}${path}`)
        await audit(page, problems, `${name}-${width}`)
      }
      await close()
    }, 120_000)

    it(`passes axe on the checker's answer and every subscription page at ${width} px`, async () => {
      const { page, problems, close } = await openPage({ width })
      await page.goto(`${server.url}/check`)
      await page.fill(
        'textarea[name=text]',
        'jem & fix: betala tullen på https://jemfix-tull.example/betala',
      )
      await page.click('form[action="/check"] button[type=submit]')
      await page.waitForSelector('.verdict-suspicious')
      await audit(page, problems, `check-result-${width}`)

      const address = `browser-${width}@example.se`
      await page.goto(`${server.url}/`)
      await page.fill('input[name=email]', address)
      await page.click('form.subscribe button[type=submit]')
      await page.waitForSelector('h1:has-text("Kolla din e-post")')
      await audit(page, problems, `subscribe-received-${width}`)

      const confirm = await linkFromOutbox(address, 'confirm')
      await page.goto(`${server.url}${confirm}`)
      await audit(page, problems, `confirm-${width}`)
      await page.click('main button[type=submit]')
      await page.waitForSelector('h1:has-text("Klart!")')
      await audit(page, problems, `confirmed-${width}`)
      await page.goto(`${server.url}${confirm}`)
      expect(await page.locator('h1').textContent()).toBe('Du prenumererar redan')
      await audit(page, problems, `already-subscribed-${width}`)

      await page.goto(`${server.url}${await linkFromOutbox(address, 'unsubscribe')}`)
      await audit(page, problems, `unsubscribe-${width}`)
      await page.click('main button[type=submit]')
      await page.waitForSelector('h1:has-text("Prenumerationen är avslutad")')
      await audit(page, problems, `unsubscribed-${width}`)
      await page.goto(`${server.url}/unsubscribe?token=${'B'.repeat(43)}`)
      expect(await page.locator('main').textContent()).not.toMatch(/[Pp]renumerera igen/)
      await audit(page, problems, `unsubscribe-invalid-${width}`)
      await close()
    }, 120_000)
  }

  it('passes axe in dark mode, with a dark page', async () => {
    const { page, problems, close } = await openPage({ width: 375, colorScheme: 'dark' })
    for (const [name, path] of STATIC_PAGES) {
      await page.goto(`${server.url}${path}`)
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      expect(background, name).toBe('rgb(18, 22, 27)')
      await audit(page, problems, `${name}-375-dark`)
    }
    await close()
  }, 120_000)

  it('keeps the header on one line at 360 px', async () => {
    const { page, close } = await openPage({ width: 360 })
    for (const [name, path] of STATIC_PAGES) {
      await page.goto(`${server.url}${path}`)
      expect(await headerIsOneLine(page), name).toBe(true)
    }
    await page.screenshot({ path: join(ARTIFACTS, 'header-360.png') })
    await close()
  })

  it('keeps the header search box on screen and usable at 360 px', async () => {
    const { page, close } = await openPage({ width: 360 })
    for (const [name, path] of STATIC_PAGES.filter(([n]) => !n.startsWith('search'))) {
      await page.goto(`${server.url}${path}`)
      const boxes = await page.evaluate(() =>
        ['.site-search', '.site-search input', '.site-search button'].map((selector) => {
          const box = document.querySelector(selector)!.getBoundingClientRect()
          return { left: box.left, right: box.right, top: box.top, width: box.width }
        }),
      )
      const [form, input, button] = boxes as [DOMRect, DOMRect, DOMRect]
      expect(form.left, name).toBeGreaterThanOrEqual(0)
      expect(form.right, name).toBeLessThanOrEqual(360)
      // The field and its button side by side, the field wide enough for a number.
      expect(button.top, name).toBe(input.top)
      expect(input.width, name).toBeGreaterThan(200)
      expect(await page.locator('.site-search input').isVisible(), name).toBe(true)
    }
    await page.screenshot({ path: join(ARTIFACTS, 'header-search-360.png') })
    await close()
  })

  it('shows the jem & fix warning with its contacts, styled, with nothing blocked by the CSP', async () => {
    const { page, problems, close } = await openPage()
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: /jem & fix varnar/ }).click()
    expect(await page.locator('h1').textContent()).toContain('jem & fix varnar')
    const text = (await page.locator('main').textContent()) ?? ''
    for (const fact of ['@jemfix.com', '046-28 52 900', 'jemofixsverige', 'jemfix.se'])
      expect(text).toContain(fact)
    expect(text).toContain('jem & fix:s officiella kontaktvägar')
    expect(await page.locator('a[href="tel:+46462852900"]').textContent()).toBe('046-28 52 900')
    // The stylesheet loaded: the header has its dark background.
    const background = await page
      .locator('.site-header')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).toBe('rgb(18, 38, 63)')
    // The JSON-LD block is there and is data, not a script the CSP had to block.
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1)
    expect(await cspViolations(page)).toEqual([])
    expect(problems).toEqual([])
    await close()
  })

  it('would notice a CSP violation (the listener works)', async () => {
    const { page, close } = await openPage()
    await page.goto(`${server.url}/`)
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = 'https://images.example/x.png'
      document.body.append(img)
    })
    await expect.poll(() => cspViolations(page)).toEqual(['img-src https://images.example/x.png'])
    await close()
  })

  it('would notice an accessibility problem or a header on two lines (the audit works)', async () => {
    const { page, close } = await openPage({ width: 360 })
    await page.goto(`${server.url}/`)
    expect(await headerIsOneLine(page)).toBe(true)
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('.nav-long')) el.style.all = 'revert'
      document.querySelector('main')!.append(document.createElement('img'))
    })
    expect(await headerIsOneLine(page)).toBe(false)
    expect((await axeViolations(page)).map((v) => v.rule)).toContain('image-alt')
    await close()
  })

  it('has a skip link that is the first Tab stop, visible when focused, and moves focus to the content', async () => {
    const { page, close } = await openPage({ width: 375 })
    await page.goto(`${server.url}/alerts/jem-fix-2026-02-28`)
    await page.keyboard.press('Tab')
    const skip = page.locator('a.skip-link')
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true)
    const box = await skip.boundingBox()
    expect(box && box.y >= 0 && box.height > 10).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('innehall')
    await close()
  })

  it('prints the content without menus, forms or filters, and saves a PDF', async () => {
    const { page, close } = await openPage()
    await page.goto(`${server.url}/alerts/jem-fix-2026-02-28`)
    await page.emulateMedia({ media: 'print' })
    const hidden = await page.evaluate(() =>
      ['.site-header nav', 'form.subscribe', '.skip-link', '.site-footer nav'].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).display,
      ),
    )
    expect(hidden).toEqual(['none', 'none', 'none', 'none'])
    expect(await page.locator('h1').isVisible()).toBe(true)
    await page.pdf({ path: join(ARTIFACTS, 'alert-print.pdf') })
    await page.emulateMedia({ media: 'screen' })
    expect(await page.locator('form.subscribe').isVisible()).toBe(true)
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
    await page.click('form[action="/check"] button[type=submit]')
    await page.waitForSelector('.verdict')
    expect(await page.locator('.verdict h2').textContent()).toBe('Misstänkt meddelande')
    const findings = await page.locator('.finding').allTextContents()
    expect(findings.join('\n')).toContain('hxxps://jemfix-tull[.]example/betala')
    expect(findings.join('\n')).toMatch(/skiljer sig med en siffra/)
    expect(await page.locator('a[href*="jemfix-tull"]').count()).toBe(0)
    // The pasted text is back in the form, as text.
    expect(await page.inputValue('textarea[name=text]')).toContain('<script>alert(1)</script>')
    expect(await page.locator('script').count()).toBe(0)
    // A suspicious verdict leads to what to do next.
    await page.locator('.verdict a[href="/guidance"]').click()
    expect(await page.locator('h1').textContent()).toBe(
      'Har du redan klickat, svarat eller betalat?',
    )
    await close()
  })

  it('searches with JavaScript off: official numbers and accounts, lookalikes never linked', async () => {
    const { page, close } = await openPage({ javaScriptEnabled: false, width: 375 })
    await page.goto(`${server.url}/alerts/jem-fix-2026-02-28`)
    await page.fill('.site-search input[name=q]', '0046 46 285 29 00')
    await page.click('.site-search button[type=submit]')
    await page.waitForSelector('h1:has-text("Sökresultat")')
    expect(new URL(page.url()).searchParams.get('q')).toBe('0046 46 285 29 00')
    expect(await page.locator('.answer').allTextContents()).toEqual([
      '046-28 52 900 är jem & fix:s officiella nummer (Kundtjänst – det enda numret till kundtjänst).',
    ])
    expect(await page.locator('.finding a[href="tel:+46462852900"]').textContent()).toBe(
      '046-28 52 900',
    )

    // The result page's own form searches again, from what was typed.
    expect(await page.inputValue('main input[name=q]')).toBe('0046 46 285 29 00')
    await page.fill('main input[name=q]', 'jemfix-support.se')
    await page.click('main form button[type=submit]')
    await page.waitForURL(/q=jemfix-support/)
    expect(await page.locator('.answer').allTextContents()).toEqual([
      'jemfix-support[.]se är inte jem & fix:s; den liknar jemfix.com.',
    ])
    expect(await page.locator('a[href*="jemfix-support"]').count()).toBe(0)

    await page.goto(`${server.url}/`)
    await page.fill('main input[name=q]', 'jemofixsverige')
    await page.click('main form.search-form button[type=submit]')
    await page.waitForURL(/q=jemofixsverige/)
    expect(await page.locator('.answer').allTextContents()).toEqual([
      'jemofixsverige är jem & fix:s officiella konto på Facebook.',
    ])
    // The answer leads to the company and its warnings.
    await page.locator('.finding a[href="/companies/jem-fix"]').click()
    expect(await page.locator('h1').textContent()).toContain('jem & fix')
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

describe('browsing warnings in Chromium without JavaScript', () => {
  it('filters by channel and company and pages through the results', async () => {
    const { page, close } = await openPage({ javaScriptEnabled: false, width: 375 })
    await page.goto(`${listServer.url}/`)
    expect(await page.locator('article.card').count()).toBe(20)
    await page.selectOption('select[name=channel]', 'sms')
    await page.selectOption('select[name=company]', 'odla')
    await page.click('form.filters button[type=submit]')
    await page.waitForSelector('h1:has-text("Varningar: Sms · Ödla")')
    const url = new URL(page.url())
    expect(url.searchParams.get('channel')).toBe('sms')
    expect(url.searchParams.get('company')).toBe('odla')
    // Ödla is every third warning (i % 3 == 2) and sms every even one: i % 6 == 2.
    const titles = await page.locator('article.card h2').allTextContents()
    expect(titles).toEqual([
      'Fiktiv varning 44',
      'Fiktiv varning 38',
      'Fiktiv varning 32',
      'Fiktiv varning 26',
      'Fiktiv varning 20',
      'Fiktiv varning 14',
      'Fiktiv varning 08',
      'Fiktiv varning 02',
    ])
    await page.screenshot({ path: join(ARTIFACTS, 'filtered-375.png'), fullPage: true })

    await page.goto(`${listServer.url}/?channel=sms`)
    await page.click('a[rel=next]')
    await page.waitForURL(/page=2/)
    expect(new URL(page.url()).search).toBe('?channel=sms&page=2')
    expect(await page.locator('.result-count').textContent()).toBe('Visar 21–23 av 23 varningar')
    await page.click('a[rel=prev]')
    await page.waitForURL((u) => !u.search.includes('page='))
    expect(await page.locator('article.card').count()).toBe(20)
    await close()
  })

  it('passes axe on a paged list', async () => {
    const { page, problems, close } = await openPage({ width: 1280 })
    await page.goto(`${listServer.url}/?page=2`)
    await audit(page, problems, 'list-page-2-1280')
    await close()
  })
})

describe('the preview in Chromium', () => {
  let preview: RunningServer
  let alerts: string

  /** The shipped records, the seed article drafted by the tool, and a fictional draft. */
  beforeAll(async () => {
    alerts = await mkdtemp(join(tmpdir(), 'preview-alerts-'))
    dirs.push(alerts)
    await cp('alerts', alerts, { recursive: true })
    await promisify(execFile)(
      join(process.cwd(), 'node_modules/.bin/tsx'),
      ['src/cli/draft.ts', '/work/shared/seeds/000_440e9332798f33ed.txt'],
      { env: { ...process.env, ALERTS_DIR: alerts } },
    )
    // A company that exists only in a draft (fiction).
    await writeFile(join(alerts, 'drafts', 'odla-2026-05-02.yaml'), stringify(fictionalDraft()))
    preview = await startServer({ ALERTS_DIR: alerts, DIGEST_HOUR: 'off' }, 30_000, 'preview')
  }, 60_000)

  afterAll(async () => {
    await preview?.stop()
  })

  it('shows the seed’s draft marked "Utkast" under a preview banner, and passes the audit', async () => {
    const views = [
      { width: 375, colorScheme: 'light' },
      { width: 1280, colorScheme: 'light' },
      { width: 375, colorScheme: 'dark' },
    ] as const
    for (const { width, colorScheme } of views) {
      const name = `${width}${colorScheme === 'dark' ? '-dark' : ''}`
      const { page, problems, close } = await openPage({ width, colorScheme })
      await page.goto(`${preview.url}/`)
      const banner = page.locator('aside.preview-banner')
      expect(await banner.isVisible()).toBe(true)
      expect(await banner.textContent()).toMatch(
        /Förhandsvisning – inte den publicerade webbplatsen/,
      )
      const draftCards = page.locator('article.card:has(.draft-badge)')
      expect(await draftCards.count()).toBe(2)
      await audit(page, problems, `preview-home-${name}`)

      await page.goto(`${preview.url}/alerts/jem-fix-2026-02-28`)
      expect(await page.locator('.draft-badge').first().isVisible()).toBe(true)
      expect(await page.locator('.draft-note').first().textContent()).toMatch(
        /Utkast Inte publicerad: varningen är ett utkast/,
      )
      expect(await page.locator('meta[name=robots]').getAttribute('content')).toBe('noindex')
      const text = (await page.locator('main').textContent()) ?? ''
      for (const fact of ['@jemfix.com', '046-28 52 900', 'jemofixsverige', 'jemfix.se'])
        expect(text).toContain(fact)
      await audit(page, problems, `preview-alert-${name}`)

      await page.goto(`${preview.url}/companies/odla`)
      expect(await page.locator('h1 .draft-badge').isVisible()).toBe(true)
      expect(await page.locator('main').textContent()).toMatch(
        /Kontaktvägarna kommer från ett utkast/,
      )
      await audit(page, problems, `preview-company-${name}`)
      await close()
    }
  }, 120_000)

  it('answers the checker with the draft’s contacts, and refuses a subscription', async () => {
    const { page, problems, close } = await openPage()
    await page.goto(`${preview.url}/check`)
    await page.fill('textarea[name=text]', 'Hej från Ödla! Ring kundtjänst på 031-390 06 00.')
    await page.click('form[action="/check"] button[type=submit]')
    await page.waitForSelector('.verdict')
    expect(await page.locator('.finding-official').count()).toBe(1)
    await audit(page, problems, 'preview-check-1280')
    await page.goto(`${preview.url}/`)
    await page.fill('input[name=email]', 'preview@example.se')
    await page.click('form.subscribe button[type=submit]')
    await page.waitForSelector('h1')
    expect(await page.locator('main').textContent()).toMatch(/tar inte emot prenumerationer/)
    await close()
  })
})
