import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/** Region assumed for numbers written without a country code: the users and records are Swedish. */
export const DEFAULT_REGION = 'SE'

/** Parses a phone number as people write it and returns E.164, or null when it is not a valid number. */
export function toE164(written: string): string | null {
  const parsed = parsePhoneNumberFromString(written, DEFAULT_REGION)
  return parsed?.isValid() ? parsed.number : null
}

/** True when the string is already in canonical E.164 form. */
export function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value) && toE164(value) === value
}
