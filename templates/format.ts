import type { Channel, SocialPlatform } from '../src/core/alert-schema'
import { SOCIAL_PLATFORMS } from '../src/core/alert-schema'
import { lazy } from '../src/core/lazy'

export { genitive } from '../src/core/swedish'

// Intl formatters load locale data when made: made on first use, so that starting a Worker
// isolate (and a check, which formats nothing) does not pay for them.
const longDate = lazy(
  () => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }),
)

/** 2026-02-28 → "28 februari 2026". */
export function formatDate(isoDate: string): string {
  return longDate().format(new Date(`${isoDate}T00:00:00Z`))
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

const swedishNumber = lazy(() => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }))

/**
 * 10000 → "10 000". The group separator is a no-break space, so a number never breaks
 * across lines.
 */
export function formatNumber(n: number): string {
  return swedishNumber().format(n)
}

/** 1 → "1 varning", 2 → "2 varningar", 10000 → "10 000 varningar". */
export function formatCount(n: number, singular: string, plural: string): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`
}

/** Sorts names A to Ö the Swedish way (Å, Ä, Ö after Z; case and accents secondary). */
export const swedishCollator = lazy(
  () => new Intl.Collator('sv', { sensitivity: 'base', numeric: true }),
)

/** A tel: link target for an E.164 number, or undefined for anything else. */
export function telHref(e164: string): string | undefined {
  return /^\+[1-9]\d{5,14}$/.test(e164) ? `tel:${e164}` : undefined
}
