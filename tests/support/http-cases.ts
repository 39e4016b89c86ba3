/** One HTTP exchange that the Node server and the Worker must answer alike. */
export interface HttpCase {
  name: string
  path: string
  init?: RequestInit
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

/** The shared table: reads, the checker, search, and errors of every kind. */
export const PARITY_CASES: HttpCase[] = [
  { name: 'home page', path: '/' },
  { name: 'alert page', path: '/alerts/jem-fix-2026-02-28' },
  { name: 'company page', path: '/companies/jem-fix' },
  { name: 'companies', path: '/companies' },
  { name: 'feed', path: '/feed.xml' },
  { name: 'Atom feed', path: '/feed.atom' },
  { name: 'JSON Feed', path: '/feed.json' },
  { name: 'company feed', path: '/companies/jem-fix/feed.xml' },
  { name: 'filtered list', path: '/?company=jem-fix&channel=sms' },
  { name: 'bad filter', path: '/?channel=fax' },
  { name: 'page past the last', path: '/?page=2' },
  { name: 'guidance', path: '/guidance' },
  { name: 'about', path: '/about' },
  { name: 'privacy', path: '/privacy' },
  { name: 'feeds page', path: '/feeds' },
  { name: 'sitemap', path: '/sitemap.xml' },
  { name: 'robots.txt', path: '/robots.txt' },
  { name: 'stylesheet', path: '/assets/site.css' },
  { name: 'checker page', path: '/check' },
  { name: 'search page', path: '/search' },
  { name: 'search for an official number', path: '/search?q=0046%2046%20285%2029%2000' },
  { name: 'search with no match', path: '/search?q=nagonheltannan' },
  { name: 'search too long (400)', path: `/search?q=${'a'.repeat(201)}` },
  { name: 'lookup an official number', path: '/api/lookup?q=%2B46462852900' },
  { name: 'lookup a bare handle', path: '/api/lookup?q=jemofixsverige' },
  { name: 'lookup a lookalike domain', path: '/api/lookup?q=jemfix-support.se' },
  { name: 'lookup a company by name', path: '/api/lookup?q=jem%20och%20fix' },
  { name: 'lookup without a query (400)', path: '/api/lookup' },
  { name: 'API alerts', path: '/api/alerts' },
  { name: 'API alert', path: '/api/alerts/jem-fix-2026-02-28' },
  { name: 'API company', path: '/api/companies/jem-fix' },
  { name: 'unknown alert page', path: '/alerts/nope' },
  { name: 'unknown API alert', path: '/api/alerts/nope' },
  { name: 'unknown path', path: '/no/such/page' },
  {
    name: 'check a lookalike message',
    path: '/api/check',
    init: json({
      text: 'jem & fix: logga in på https://jemfix.com@evil.example/ eller ring 046-28 52 901',
      sender: 'jem & fix <info@gmail.com>',
    }),
  },
  {
    name: 'check official contacts',
    path: '/api/check',
    init: json({ text: 'Ring 046-28 52 900 eller mejla kundtjanst@jemfix.com' }),
  },
  { name: 'check without text', path: '/api/check', init: json({ sender: 'x' }) },
  { name: 'check with a non-JSON body', path: '/api/check', init: json('not json') },
  {
    name: 'subscribe with two addresses',
    path: '/api/subscriptions',
    init: json({ email: 'a@example.se,b@example.se' }),
  },
  { name: 'confirm with a forged token', path: `/confirm?token=${'A'.repeat(43)}` },
  {
    name: 'unsubscribe with a forged token',
    path: `/unsubscribe?token=${'A'.repeat(43)}`,
    init: { method: 'POST' },
  },
  {
    name: 'subscribe with a text/plain body (415)',
    path: '/api/subscriptions',
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"email":"a@example.se"}',
    },
  },
  { name: 'a known path with another method (405)', path: '/api/subscriptions' },
]
