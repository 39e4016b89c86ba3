import type { Finding } from '../../src/core/check'

/** A finding's status as the checker and the search show it. */
export const STATUS_TEXT: Record<Finding['status'], string> = {
  official: 'Officiell',
  lookalike: 'Förväxlingsbar kopia',
  'not-official': 'Inte officiell',
  unknown: 'Okänd',
}

/** What kind of contact point a finding is. */
export const KIND_TEXT: Record<Finding['kind'], string> = {
  url: 'Länk',
  domain: 'Adress',
  email: 'E-post',
  phone: 'Telefonnummer',
  handle: 'Konto i sociala medier',
  'sender-id': 'Avsändarnamn (sms)',
}
