import type { Channel, SocialPlatform } from '../src/core/alert-schema'
import { SOCIAL_PLATFORMS } from '../src/core/alert-schema'

const longDate = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' })

/** 2026-02-28 → "28 februari 2026". */
export function formatDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`))
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  sms: 'Sms',
  email: 'E-post',
  phone: 'Telefonsamtal',
  social: 'Sociala medier',
  web: 'Falska webbplatser',
  letter: 'Brev',
}

export function platformLabel(platform: SocialPlatform): string {
  return SOCIAL_PLATFORMS[platform].label
}

/** Only http(s) URLs become links; anything else is shown as text by the caller. */
export function safeHref(url: string): string | undefined {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:' ? url : undefined
  } catch {
    return undefined
  }
}
