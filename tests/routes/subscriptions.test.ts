import { describe, expect, it } from 'vitest'
import { createTestApp, SITE_ORIGIN } from '../support/app'

const ORIGIN = SITE_ORIGIN

function subscribeJson(app: ReturnType<typeof createTestApp>['app'], body: unknown) {
  return app.request('/api/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

function tokenIn(text: string, path: 'confirm' | 'unsubscribe'): string {
  const match = text.match(new RegExp(`/${path}\\?token=([A-Za-z0-9_-]{43})`))
  if (!match) throw new Error(`no ${path} link in ${text}`)
  return match[1]!
}

async function confirmFlow(t: ReturnType<typeof createTestApp>, email: string) {
  await subscribeJson(t.app, { email })
  await t.settled()
  const mail = t.mailer.sent.at(-1)!
  const token = tokenIn(mail.text, 'confirm')
  const res = await t.app.request('/confirm', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
    body: new URLSearchParams({ token }).toString(),
  })
  return { res, token, mail }
}

describe('subscribing', () => {
  it('accepts an address with 202 and mails a confirmation link; nothing is active yet', async () => {
    const t = createTestApp()
    const res = await subscribeJson(t.app, { email: 'Anna@Example.SE' })
    expect(res.status).toBe(202)
    await t.settled()
    expect(t.mailer.sent).toHaveLength(1)
    const mail = t.mailer.sent[0]!
    expect(mail.to).toBe('Anna@example.se')
    expect(mail.text).toMatch(/https:\/\/varningar\.example\.se\/confirm\?token=[A-Za-z0-9_-]{43}/)
    expect(mail.html).toContain('/confirm?token=')
    expect(await t.status('Anna@example.se')).toBe('pending')
  })

  it.each([
    ['two addresses with a comma', 'a@example.se,b@example.se'],
    ['two addresses with a semicolon', 'a@example.se;b@example.se'],
    ['a display name with angle brackets', 'Anna <a@example.se>'],
    ['whitespace', 'a @example.se'],
    ['a line break', 'a@example.se\r\nBcc: victim@example.com'],
    ['more than 254 characters', `${'a'.repeat(250)}@example.se`],
    ['no domain', 'anna@'],
    ['not a string', 42],
  ])('refuses %s with 400 and sends nothing', async (_case, email) => {
    const t = createTestApp()
    const res = await subscribeJson(t.app, { email })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/^email: /)
    await t.settled()
    expect(t.mailer.sent).toHaveLength(0)
  })

  it('refuses an unknown company slug', async () => {
    const res = await subscribeJson(createTestApp().app, {
      email: 'a@example.se',
      companies: ['nope'],
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'companies: no company with slug "nope"' })
  })

  it('answers identically for unknown, pending, active and unsubscribed addresses', async () => {
    const t = createTestApp()
    await confirmFlow(t, 'active@example.se')
    await subscribeJson(t.app, { email: 'pending@example.se' })
    const { mail } = await confirmFlow(t, 'gone@example.se')
    await t.app.request(`/unsubscribe?token=${tokenIn(mail.text, 'unsubscribe')}`, {
      method: 'POST',
    })
    const answers = []
    for (const email of [
      'new@example.se',
      'pending@example.se',
      'active@example.se',
      'gone@example.se',
    ]) {
      const res = await subscribeJson(t.app, { email })
      const headers = Object.fromEntries([...res.headers].filter(([k]) => k !== 'date'))
      answers.push({ status: res.status, body: await res.text(), headers })
    }
    for (const answer of answers) expect(answer).toEqual(answers[0])
  })

  it('sends at most 3 confirmation mails per address per day, with the same answer', async () => {
    const t = createTestApp()
    for (let i = 0; i < 5; i++)
      expect((await subscribeJson(t.app, { email: 'many@example.se' })).status).toBe(202)
    await t.settled()
    expect(t.mailer.sent.filter((m) => m.to === 'many@example.se')).toHaveLength(3)
  })

  it('limits requests per IP with 429', async () => {
    const t = createTestApp()
    const statuses = []
    for (let i = 0; i < 22; i++)
      statuses.push((await subscribeJson(t.app, { email: `p${i}@example.se` })).status)
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true)
    expect(statuses.slice(20)).toEqual([429, 429])
  })

  it('subscribes from the HTML form with a company choice', async () => {
    const t = createTestApp()
    const res = await t.app.request('/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: 'email=form%40example.se&companies=provbutiken',
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Kolla din e-post')
    await t.settled()
    expect(t.mailer.sent[0]?.text).toContain('nya varningar om Provbutiken')
  })

  it('refuses a cross-site form post', async () => {
    const res = await createTestApp().app.request('/subscribe', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
      },
      body: 'email=x%40example.se',
    })
    expect(res.status).toBe(403)
  })

  it('shows the subscription form on every page', async () => {
    const html = await (await createTestApp().app.request('/companies/provbutiken')).text()
    expect(html).toContain('action="/subscribe"')
    expect(html).toContain('value="provbutiken"')
  })
})

describe('confirming', () => {
  it('shows a button on GET and changes nothing', async () => {
    const t = createTestApp()
    await subscribeJson(t.app, { email: 'scan@example.se' })
    await t.settled()
    const token = tokenIn(t.mailer.sent[0]!.text, 'confirm')
    const res = await t.app.request(`/confirm?token=${token}`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<form method="post" action="/confirm">')
    expect(await t.status('scan@example.se')).toBe('pending')
  })

  it('activates on POST, once', async () => {
    const t = createTestApp()
    const { res, token, mail } = await confirmFlow(t, 'once@example.se')
    expect(res.status).toBe(200)
    expect(await t.status('once@example.se')).toBe('active')
    await t.app.request(`/unsubscribe?token=${tokenIn(mail.text, 'unsubscribe')}`, {
      method: 'POST',
    })
    const again = await t.app.request('/confirm', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: new URLSearchParams({ token }).toString(),
    })
    expect(again.status).toBe(400)
    expect(await t.status('once@example.se')).toBe('unsubscribed')
  })

  it('says "Du prenumererar redan" when the link is opened or pressed again after confirming', async () => {
    const t = createTestApp()
    const { token } = await confirmFlow(t, 'twice@example.se')
    const opened = await t.app.request(`/confirm?token=${token}`)
    const pressed = await t.app.request('/confirm', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: new URLSearchParams({ token }).toString(),
    })
    for (const res of [opened, pressed]) {
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const html = await res.text()
      expect(html).toContain('<h1>Du prenumererar redan</h1>')
      expect(html).toContain('<meta name="robots" content="noindex"/>')
      expect(html).not.toContain('Felkod')
      expect(html).not.toContain('<form method="post" action="/confirm">')
    }
    expect(await t.status('twice@example.se')).toBe('active')
  })

  it('rejects a forged token', async () => {
    const t = createTestApp()
    for (const token of ['A'.repeat(43), 'short', '<script>']) {
      const res = await t.app.request('/confirm', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
        body: new URLSearchParams({ token }).toString(),
      })
      expect(res.status).toBe(400)
      expect((await t.app.request(`/confirm?token=${encodeURIComponent(token)}`)).status).toBe(400)
    }
  })

  it('rejects an expired token (48 h)', async () => {
    let now = new Date('2026-11-25T08:00:00Z')
    const t = createTestApp(undefined, { clock: () => now })
    await subscribeJson(t.app, { email: 'late@example.se' })
    await t.settled()
    const token = tokenIn(t.mailer.sent[0]!.text, 'confirm')
    now = new Date('2026-11-27T08:00:01Z')
    const res = await t.app.request('/confirm', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: new URLSearchParams({ token }).toString(),
    })
    expect(res.status).toBe(400)
    expect(await t.status('late@example.se')).toBe('pending')
  })
})

describe('one-click unsubscribe (RFC 8058)', () => {
  it.each([
    ['urlencoded', 'application/x-www-form-urlencoded', 'List-Unsubscribe=One-Click'],
    [
      'multipart',
      'multipart/form-data; boundary=XyZ',
      '--XyZ\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--XyZ--\r\n',
    ],
  ])(
    'works with a bare %s POST, no cookie, no Origin, and when repeated',
    async (_kind, type, body) => {
      const t = createTestApp()
      const { mail } = await confirmFlow(t, 'leave@example.se')
      const url = new URL(mail.unsubscribeUrl)
      for (let i = 0; i < 2; i++) {
        const res = await t.app.request(`${url.pathname}${url.search}`, {
          method: 'POST',
          headers: { 'Content-Type': type },
          body,
        })
        expect(res.status).toBe(200)
        expect(res.headers.get('location')).toBeNull()
      }
      expect(await t.status('leave@example.se')).toBe('unsubscribed')
    },
  )

  it('shows a confirm button on GET without changing anything', async () => {
    const t = createTestApp()
    const { mail } = await confirmFlow(t, 'stay@example.se')
    const url = new URL(mail.unsubscribeUrl)
    const res = await t.app.request(`${url.pathname}${url.search}`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Avsluta prenumerationen')
    expect(await t.status('stay@example.se')).toBe('active')
  })

  it('answers an unknown token with 400, not a redirect or 403', async () => {
    const res = await createTestApp().app.request(`/unsubscribe?token=${'B'.repeat(43)}`, {
      method: 'POST',
    })
    expect(res.status).toBe(400)
  })

  it('never tells someone with a broken unsubscribe link to subscribe again', async () => {
    const { app } = createTestApp()
    for (const [path, init] of [
      [`/unsubscribe?token=${'B'.repeat(43)}`, { method: 'POST' }],
      [`/unsubscribe?token=${'B'.repeat(43)}`, {}],
      ['/unsubscribe?token=short', {}],
    ] as const) {
      const html = await (await app.request(path, init)).text()
      expect(html).toContain('Länken för att avsluta fungerar inte')
      expect(html).not.toMatch(/[Pp]renumerera igen/)
    }
  })
})

describe('the HTML form', () => {
  it('explains a bad address in Swedish with 400', async () => {
    const res = await createTestApp().app.request('/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: 'email=a%40example.se%2Cb%40example.se',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Ange en enda giltig e-postadress')
  })
})
