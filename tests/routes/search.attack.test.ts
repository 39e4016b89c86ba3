import { describe, expect, it } from 'vitest'
import { readRecordFiles } from '../../src/adapters/node/record-files'
import { loadCatalog } from '../../src/core/catalog'
import { createTestApp } from '../support/app'

// ATTACK (issue 11, part 1 and "Done when"): search for people and machines over the real
// records in alerts/ ("From a clean clone, searching +46462852900 … finds jem & fix").
const { app } = createTestApp(loadCatalog(await readRecordFiles('alerts')))

describe('GET /search and GET /api/lookup (issue 11, part 1)', () => {
  it.each(['+46462852900', '0046 46 285 29 00', 'jemofixsverige'])(
    '/search?q=%s finds jem & fix and says the contact is official',
    async (q) => {
      const res = await app.request(`/search?q=${encodeURIComponent(q)}`)
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toContain('jem &amp; fix')
      expect(html).toMatch(/officiell/)
    },
  )

  it('/search of a lookalike domain says it is not the company’s', async () => {
    const res = await app.request('/search?q=jemfix-support.se')
    expect(res.status).toBe(200)
    expect(await res.text()).toMatch(/inte jem &amp; fix/)
  })

  it('/api/lookup answers JSON with the finding and the company, readable by other sites', async () => {
    const res = await app.request('/api/lookup?q=%2B46462852900')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(JSON.stringify(await res.json())).toContain('jem-fix')
  })
})
