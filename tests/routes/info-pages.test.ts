import { describe, expect, it } from 'vitest'
import type { RouteDeps } from '../../src/app-context'
import { DELIVERY_KEEP_DAYS } from '../../src/core/digest/retention'
import { RenderCache } from '../../src/http/cached-page'
import { infoPageRoutes } from '../../src/routes/info-pages'
import { createTestApp, PUBLIC_URL } from '../support/app'
import { fictionalAlert, fictionalCatalog, secondFictionalAlert } from '../support/fixtures'
import { mainText } from '../support/html'

const form = (body: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
  body: new URLSearchParams(body).toString(),
})

describe('guidance after a scam', () => {
  it('tells what to do, with only the facts the issue names', async () => {
    const res = await createTestApp().app.request('/guidance')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>Har du redan klickat, svarat eller betalat?</h1>')
    const text = mainText(html)
    expect(text).toContain('Kontakta din bank direkt')
    expect(text).toContain('numret som står på ditt bankkort')
    expect(text).toContain('bankens egen webbplats')
    expect(text).toContain('Byt lösenord')
    expect(html).toContain('<a href="tel:11414">114 14</a>')
    expect(html).toContain('href="https://polisen.se/"')
    expect(html).toContain('href="https://www.hallakonsument.se/"')
    expect(text).toContain('Hallå konsument')
  })

  it('is linked from each warning, from the footer of every page and from feed items', async () => {
    const { app } = createTestApp()
    const alert = await (await app.request('/alerts/exempelbolaget-2026-03-01')).text()
    expect(mainText(alert)).toContain('Har du redan klickat, svarat eller betalat?')
    expect(alert.match(/href="\/guidance"/g)?.length).toBeGreaterThanOrEqual(2)
    for (const path of ['/', '/companies', '/check', '/nowhere']) {
      const html = await (await app.request(path)).text()
      expect(html, path).toContain(
        '<a href="/guidance">Har du redan klickat, svarat eller betalat?</a>',
      )
    }
  })

  it('is linked from every suspicious verdict of the checker, and only from those', async () => {
    const { app } = createTestApp()
    const suspicious = await (
      await app.request(
        '/check',
        form({
          text: 'Exempelbolaget: betala tullen på https://exempelbolaget-tull.example/betala',
        }),
      )
    ).text()
    expect(suspicious).toContain('verdict-suspicious')
    const verdict = suspicious.match(/<div class="verdict[\s\S]*?<\/div>/)?.[0] ?? ''
    expect(verdict).toContain('href="/guidance"')

    const official = await (
      await app.request('/check', form({ text: 'Ring 08-465 004 00' }))
    ).text()
    expect(official).toContain('verdict-official-contacts')
    const calm = official.match(/<div class="verdict[\s\S]*?<\/div>/)?.[0] ?? ''
    expect(calm).not.toContain('href="/guidance"')
  })
})

describe('about and privacy', () => {
  it('says what the site is, where records come from and how to report an error', async () => {
    const text = mainText(await (await createTestApp().app.request('/about')).text())
    expect(text).toContain('samlar företags egna varningar')
    expect(text).toContain('Varje varning bygger på en källa')
    expect(text).toContain('bara kontaktvägar som företaget självt har angett')
    expect(text).toContain('Rapportera ett fel')
  })

  it('names the contact address for error reports when the site has one', async () => {
    const { app } = createTestApp()
    // The about page alone, as createApp would mount it with a configured address.
    const withContact = infoPageRoutes(
      { catalog: fictionalCatalog(), publicUrl: PUBLIC_URL, cache: new RenderCache() } as RouteDeps,
      { contactEmail: 'fel@varningar.example.se' },
    )
    const html = await (await withContact.request('/about')).text()
    expect(html).toContain('<a href="mailto:fel@varningar.example.se">fel@varningar.example.se</a>')
    const without = await (await app.request('/about')).text()
    expect(without).not.toContain('mailto:')
    expect(mainText(without)).toContain('har ännu inte angett någon adress för felrapporter')
  })

  it('names the address set with CONTACT_EMAIL, wired through createApp', async () => {
    const { app } = createTestApp(undefined, { contactEmail: 'rattelse@varningar.example.se' })
    const html = await (await app.request('/about')).text()
    expect(html).toContain(
      '<a href="mailto:rattelse@varningar.example.se">rattelse@varningar.example.se</a>',
    )
  })

  it('says what is stored about subscribers, that pasted messages are not, and how to leave', async () => {
    const text = mainText(await (await createTestApp().app.request('/privacy')).text())
    expect(text).toContain('din e-postadress')
    expect(text).toContain('De sparas aldrig')
    expect(text).toContain('inga kakor')
    expect(text).toContain('IP-adress')
    expect(text).toContain('Så avslutar du')
    expect(text).toContain('markerad som avslutad')
    // The figure the housekeeping applies to what each digest carried.
    expect(text).toContain(
      `vilka varningar vi har skickat till dig och när, i ${DELIVERY_KEEP_DAYS} dagar`,
    )
  })
})

describe('the feeds page', () => {
  it('explains feeds in Swedish and lists every feed with its full address', async () => {
    const catalog = fictionalCatalog(
      fictionalAlert(),
      secondFictionalAlert(),
      fictionalAlert({
        id: 'odla-2026-01-01',
        company: { slug: 'odla', name: 'Ödla', aliases: [] },
        official: { emailDomains: ['odla.example.se'] },
      }),
    )
    const { app } = createTestApp(catalog)
    const res = await app.request('/feeds')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(mainText(html)).toContain('Ett flöde (RSS) är en lista över nya varningar')
    for (const path of ['/feed.xml', '/feed.atom', '/feed.json']) {
      expect(html).toContain(`<a href="${path}">`)
      expect(html).toContain(`${PUBLIC_URL}${path}`)
    }
    const companies = ['Exempelbolaget', 'Provbutiken', 'Ödla'].map((name) =>
      html.indexOf(`>${name}</a>`),
    )
    expect([...companies].sort((a, b) => a - b)).toEqual(companies)
    expect(html).toContain('<a href="/companies/odla/feed.xml">Ödlas RSS-flöde</a>')
    for (const slug of ['exempelbolaget', 'provbutiken', 'odla']) {
      expect((await app.request(`/companies/${slug}/feed.xml`)).status).toBe(200)
    }
  })
})
