import type { RedFlag } from './verdict-types'

interface Pattern extends RedFlag {
  /** Fires when any of these match. Words and digit patterns apart: an alternation of both
   * would make the regex engine try every alternative at every digit. */
  test: RegExp | RegExp[]
  /** Only fires when the message also contains a link. */
  needsLink?: boolean
}

// Swedish first, with the English phrasing scammers also use. Lowercased input.
const PATTERNS: Pattern[] = [
  {
    id: 'personnummer',
    text: 'Meddelandet ber om ditt personnummer. Lämna aldrig ut det via en länk eller ett meddelande.',
    test: [/personnummer|personnr|social security/, /(?<!\d)(?:19|20)?\d{6}[-+]\d{4}(?!\d)/],
  },
  {
    id: 'card-details',
    text: 'Meddelandet ber om kortuppgifter. Seriösa företag ber aldrig om kortnummer eller CVC i ett meddelande.',
    test: /kortnummer|kortuppgift|kortinformation|cvc|cvv|säkerhetskod|kreditkort|bankkort|betalkort|card (?:number|details)/,
  },
  {
    id: 'bankid',
    text: 'Meddelandet nämner BankID. Legitimera dig aldrig med BankID för att någon annan ber dig.',
    test: /bank-?id|mobilt bank ?id/,
  },
  {
    id: 'link-payment-or-login',
    text: 'Meddelandet vill att du betalar, loggar in eller bekräftar uppgifter via en länk.',
    test: /betala|betalning|avgift|logga in|inloggning|verifiera|bekräfta|uppdatera (?:dina|ditt|din)|fyll i|login|log in|verify|confirm|payment|pay now/,
    needsLink: true,
  },
  {
    id: 'urgent-deadline',
    text: 'Meddelandet skapar brådska. Bedragare vill att du agerar innan du hinner tänka efter.',
    test: /inom (?:\d+|en|två|tre) ?(?:timm(?:e|ar)|h\b|minuter|min\b|dagar|dygn)|omedelbart|snarast|brådskande|sista chansen|senast (?:idag|i dag|ikväll|i kväll|imorgon|i morgon)|spärra[ds]?|stängs|urgent|immediately|within \d+ hours/,
  },
  {
    id: 'prize',
    text: 'Meddelandet lovar en vinst, gåva eller belöning. Det är ett vanligt lockbete.',
    test: /vunnit|vinnare|grattis|gratulerar|du har valts ut|belöning|present ?kort|presentkort|gåva|free gift|you(?:'ve| have) won|\bvinst/,
  },
  {
    id: 'new-number',
    text: 'Meddelandet säger att avsändaren har ett nytt nummer. "Hej mamma/pappa, nytt nummer" är ett känt bedrägeri, ofta följt av en begäran om swish.',
    // A greeting alone ("Hej mamma") is no warning sign; the new number and the request are.
    test: /nytt nummer|ny telefon|bytt nummer|mitt nya nummer|tappat (?:min )?(?:mobil|telefon)|new number/,
  },
  {
    id: 'money-transfer',
    text: 'Meddelandet ber dig swisha eller föra över pengar. Kontrollera alltid vem mottagaren är på ett annat sätt först.',
    test: /swisha|swish till|skicka pengar|för(?:a)? över pengar|överföring till|låna pengar/,
  },
]

/** Fires when a message holds more than the checker examines (see LIMITS). */
export const TOO_MUCH_TO_CHECK: RedFlag = {
  id: 'too-much-to-check',
  text: 'Meddelandet innehåller fler länkar, adresser eller nummer än vi kontrollerar, så vi har inte kunnat granska alla. Ett äkta meddelande från ett företag innehåller sällan så många.',
}

/** The warning patterns that fire for a message. */
export function redFlagsOf(text: string, hasLink: boolean): RedFlag[] {
  const lower = text.toLowerCase()
  const fires = (test: RegExp | RegExp[]) =>
    Array.isArray(test) ? test.some((t) => t.test(lower)) : test.test(lower)
  return PATTERNS.filter((p) => (!p.needsLink || hasLink) && fires(p.test)).map(({ id, text }) => ({
    id,
    text,
  }))
}
