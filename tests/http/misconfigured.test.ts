import { describe, expect, it } from 'vitest'
import { misconfigured } from '../../src/http/misconfigured'

describe('misconfigured: a Worker without a usable PUBLIC_URL (finding 5)', () => {
  it('answers every page 503 with the CSP, never a 500', async () => {
    const res = misconfigured(new Request('https://x.example/alerts/a'), 'PUBLIC_URL is not set')
    expect(res.status).toBe(503)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('retry-after')).toBe('300')
    expect(await res.text()).toContain('inte färdigkonfigurerad')
  })

  it('names the problem in /healthz', async () => {
    const res = misconfigured(new Request('https://x.example/healthz'), 'PUBLIC_URL is not set')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      status: 'unavailable',
      checks: { settings: { status: 'unavailable', problem: 'PUBLIC_URL is not set' } },
    })
  })
})
