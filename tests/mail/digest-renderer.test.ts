import { describe, expect, it } from 'vitest'
import { createDigestRenderer, digestMail } from '../../src/mail/messages'
import { PUBLIC_URL } from '../support/app'
import { fictionalCatalog } from '../support/fixtures'

const ctx = { publicUrl: PUBLIC_URL }
const alerts = fictionalCatalog().alerts

const input = (token: string, to: string, count: number) => ({
  to,
  alerts: alerts.slice(0, count),
  unsubscribeToken: token,
  messageId: `<digest.run.${to}@varningar.example.se>`,
  date: new Date('2026-11-25T07:00:00.000Z'),
})

describe('a digest renderer shared by a run', () => {
  it('gives each subscriber the mail digestMail gives them, with their own unsubscribe link', async () => {
    const render = createDigestRenderer(ctx)
    const cases = [
      input('tokenAAAA_-1', 'a@example.com', 1),
      input('tokenBBBB_-2', 'b@example.com', 1),
      input('tokenCCCC_-3', 'c@example.com', alerts.length),
    ]
    for (const each of cases) {
      const shared = await render(each)
      expect(shared).toEqual(await digestMail(ctx, each))
      expect(shared.html).toContain(`token=${each.unsubscribeToken}`)
      expect(shared.text).toContain(`token=${each.unsubscribeToken}`)
    }
    expect(alerts.length).toBeGreaterThan(1)
  })
})
