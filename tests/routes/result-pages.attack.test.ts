import { describe, expect, it } from 'vitest'
import { createTestApp } from '../support/app'
import { checkerCatalog } from '../support/checker'
import { metaContent } from '../support/html'

// Adversarial review of issues 9 and 11: the pages that show a scammer's contact back to the
// reader. 070-174 06 10 is in the Swedish fiction range; evil.example is a reserved name.

const { app } = createTestApp(checkerCatalog())

const SCAM_NUMBER = '070-174 06 10'

function postForm(fields: Record<string, string>) {
  return app.request('/check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
    body: new URLSearchParams(fields).toString(),
  })
}

describe("a scammer's number shown on a result page", () => {
  // Safari on iOS turns any phone number in a page's text into a tappable tel: link unless the
  // page opts out with <meta name="format-detection" content="telephone=no">. No template sends
  // it, so the not-official number the checker warns about ("Numret 070-174 06 10 …", the
  // <span class="fake">) becomes a one-tap call to the scammer on an iPhone, although the pages
  // link only official numbers themselves (README: "official numbers are tel: links").
  it.each([
    [
      '/check',
      () => postForm({ text: `jem & fix: ring oss på ${SCAM_NUMBER} för att få tillbaka pengar.` }),
    ],
    ['/search', () => app.request(`/search?q=${encodeURIComponent(SCAM_NUMBER)}`)],
  ])('on %s cannot become a link by a browser’s number detection', async (_page, request) => {
    const res = await request()
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(SCAM_NUMBER)
    expect(html).not.toContain(`href="tel:+46701740610"`)
    expect(metaContent(html, 'format-detection') ?? '').toContain('telephone=no')
  })
})

describe('search for a link with a quote before its @', () => {
  // The checker's tokenizer ends a piece at ', so lookup answers for "jemfix.com" alone and
  // says the query is jem & fix's official address, although the link goes to evil.example
  // (its user-info is "jemfix.com'").
  it.each([["https://jemfix.com'@evil.example/order"], ["jemfix.com'@evil.example"]])(
    '%s is not answered as official',
    async (q) => {
      const res = await app.request(`/api/lookup?q=${encodeURIComponent(q)}`)
      const body = (await res.json()) as { results: { finding: { status: string } }[] }
      expect(body.results.map((r) => r.finding.status)).not.toContain('official')
    },
  )
})

describe('a lookalike profile link on the /check page', () => {
  // shownValue (wording.ts) defangs only url, domain and email findings; a profile link is a
  // handle finding, so the imitation's address is printed as written in the verdict box and the
  // finding ("Kontot https://www.facebook.com/jemofixsverige.kampanj liknar …"), while /search
  // (shownQueryValue) defangs the same value. README: "anything not official is shown defanged".
  it('is shown defanged, as on /search', async () => {
    const scam = 'https://www.facebook.com/jemofixsverige.kampanj'
    const html = await (await postForm({ text: `jem & fix: följ oss på ${scam}` })).text()
    const result = html.slice(0, html.indexOf('<form method="post"'))
    expect(result).toContain('hxxps://www[.]facebook[.]com/jemofixsverige[.]kampanj')
    expect(result).not.toContain(scam)
  })
})
