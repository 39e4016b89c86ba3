import { readableWords } from './plain-text'
import { decodeEntities } from './references'
import type { RedFlag } from './verdict-types'

interface Pattern extends RedFlag {
  /** Fires when any of these match. Words and digit patterns apart: an alternation of both
   * would make the regex engine try every alternative at every digit. */
  test: RegExp | RegExp[]
  /** Only fires when the message also contains a link that is not official. */
  needsLink?: boolean
  /** Also fires on a personnummer written in the message (a valid date and check digit). */
  personnummer?: boolean
}

/**
 * `word`, unless one of `before` (an alternation) comes right before it, with a space between.
 * The lookbehind comes after the word, so it is only tried where the word matched.
 */
function unlessAfter(word: string, before: string): string {
  return `${word}(?<!(?:${before}) ${word})`
}

// Receipt words before a card or gift card: "Betalsätt: Betalkort", "betalt med presentkort".
const PAID_WITH = 'med|betalsätt:?|betalning:?|betalmetod:?'
// Shops, offices and the company itself close and open; accounts and cards are "stängda".
const NOT_AN_ACCOUNT =
  'butiken|butik|affären|lagret|kontoret|växeln|kundtjänst|kassan|restaurangen|varuhuset|webbshopen|parkeringen|vi'
// A parcel that "skickas inom 2 dagar", "Leverans inom 3 dagar" or "vi svarar inom 24 timmar"
// ("…ärende och svarar inom 24 timmar") is service. Not "om du
// inte svarar inom 24 timmar": only the company's own replies count.
const SERVICE =
  '(?:skickas|levereras|leverans(?:tid)?|och (?:svarar|återkommer)|packas|besvaras|hanteras|behandlas|kommer fram|når dig|du svar|vi (?:svarar|återkommer|skickar|levererar|hör av oss)|(?:svarar|återkommer|skickar|levererar) vi|returnera|ångra|öppet köp)(?: (?:normalt|vanligtvis|oftast|ca|cirka|senast))?'

// Swedish first, with the English phrasing scammers also use. Input as readableWords gives it.
const PATTERNS: Pattern[] = [
  {
    id: 'personnummer',
    text: 'Meddelandet ber om ditt personnummer. Lämna aldrig ut det via en länk eller ett meddelande.',
    test: /personnummer|personnr|social security/,
    personnummer: true,
  },
  {
    id: 'card-details',
    text: 'Meddelandet ber om kortuppgifter. Seriösa företag ber aldrig om kortnummer eller CVC i ett meddelande.',
    test: new RegExp(
      `korts?nummer|korts?uppgift|korts?information|cvc|cvv|säkerhetskod|${unlessAfter('(?:kredit|bank|betal)kort', PAID_WITH)}|card (?:number|details)`,
    ),
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
    test: new RegExp(
      `${unlessAfter('inom', SERVICE)} (?:\\d+|en|två|tre) ?(?:timm(?:e|ar)|h\\b|minuter|min\\b|dagar|dygn)|omedelbart|snarast|brådskande|sista chansen|senast (?:idag|i dag|ikväll|i kväll|imorgon|i morgon)|spärra[ds]?|${unlessAfter('stängs', NOT_AN_ACCOUNT)}(?! för inventering)|urgent|immediately|within \\d+ hours`,
    ),
  },
  {
    // A gift card bought or "är aktiverat" (within a few words) is a receipt, not a lure;
    // a path (jemfix.com/presentkort) is a page's name.
    id: 'prize',
    text: 'Meddelandet lovar en vinst, gåva eller belöning. Det är ett vanligt lockbete.',
    test: new RegExp(
      `vunnit|vinnare|grattis|gratulerar|du har valts ut|belöning|(?<!/)${unlessAfter('present ?kort', PAID_WITH)}(?![^.!?\\n]{0,30} (?:är aktiverat|har aktiverats))|gåva|free gift|you(?:'ve| have) won|\\bvinst`,
    ),
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
  {
    id: 'call-forwarding',
    text: 'Meddelandet ber dig slå en kod som vidarekopplar dina samtal (till exempel *21*nummer#). Då går alla samtal till dig, också bankens kontrollsamtal, till någon annan.',
    // GSM call forwarding: *21* (all calls), *61*, *62*, *67* (unanswered, unreachable, busy),
    // *002*/*004* (all of them), each also with ** (register).
    test: /\*\*?(?:21|61|62|67|002|004)\*[\d+(]/,
  },
]

// "jem & fix ber aldrig om ditt personnummer", "vi ber inte om…", "att jem & fix aldrig ber
// om…", "lämna aldrig ut ditt BankID", "we will never ask for…": the company's own warning
// names what it never asks for. The clause it opens (up to the end of the sentence, a
// semicolon or colon, a spaced dash, "men", "bara", or "så"/"därför"/"so", after which a
// request may follow: "…via länk, så svara med ditt kortnummer") is not a request.
// A person's "jag ber dig aldrig om något, men…" or "jag skulle aldrig be dig om det här"
// is how the "Hej mamma" scam asks, so only a company's phrasings count.
const DENIAL =
  /(?:\b(?<!jag )(?:ber|frågar|kräver|begär|efterfrågar)(?: (?:dig|er|du|ni|vi|oss))? (?:aldrig|never|inte)\b|\b(?<!jag )(?:skickar|ringer|kontaktar)(?: (?:dig|er|du|ni|vi|oss))? (?:aldrig|never)\b|\b(?<!jag )aldrig (?:ber|frågar|kräver|begär|efterfrågar|skickar|ringer|kontaktar)\b|\b(?:kommer|will) (?:aldrig|never) (?:att )?(?:be|fråga|kräva|begära|ask|request)\b|\b(?:lämna|dela|uppge|ge|skicka|svara) aldrig\b|\bnever (?:share|give|send|ask|request)\b|\b(?:will|would|does|do) never\b)(?:(?! men | but | utan | däremot | bara | only | – | — |,? så |,? därför |,? so )[^.!?;:\n]){0,160}/g

// Advice with the object first: "Ditt personnummer … ska du aldrig lämna ut." The whole
// sentence is the company's denial.
const DENIAL_SENTENCE = /\b(?:ska|bör|får) (?:du|ni) aldrig (?:lämna ut|dela|uppge|ge ut|skicka)\b/
const SENTENCE = /[^.!?\n]+/g

/** The sentences that end in object-first advice ("… ska du aldrig lämna ut"), blanked. */
function withoutDenialSentences(words: string): string {
  if (!DENIAL_SENTENCE.test(words)) return words
  return words.replace(SENTENCE, (sentence) =>
    DENIAL_SENTENCE.test(sentence) ? ' '.repeat(sentence.length) : sentence,
  )
}

/** The text with the company's own denials ("vi ber aldrig om…") blanked out. */
function withoutDenials(words: string): string {
  return withoutDenialSentences(words).replace(DENIAL, (denial) => ' '.repeat(denial.length))
}

// A personnummer as written: YYMMDD-NNNN or YYYYMMDD-NNNN (+ after age 100).
const PERSONNUMMER = /(?<!\d)(?:19|20)?\d{6}[-+]\d{4}(?!\d)/g

/** Month 01–12 and a day of that month (plus 60 for a samordningsnummer), and the Luhn check. */
function isPersonnummer(written: string): boolean {
  const digits = written.replace(/\D/g, '').slice(-10)
  const month = Number(digits.slice(2, 4))
  const rawDay = Number(digits.slice(4, 6))
  const day = rawDay > 60 ? rawDay - 60 : rawDay
  if (month < 1 || month > 12 || day < 1 || day > 31) return false
  let sum = 0
  for (let i = 0; i < 10; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1)
    sum += product > 9 ? product - 9 : product
  }
  return sum % 10 === 0
}

function holdsPersonnummer(words: string): boolean {
  for (const match of words.matchAll(PERSONNUMMER)) {
    if (isPersonnummer(match[0])) return true
  }
  return false
}

/** Fires when a message holds more than the checker examines (see LIMITS). */
export const TOO_MUCH_TO_CHECK: RedFlag = {
  id: 'too-much-to-check',
  text: 'Meddelandet innehåller fler länkar, adresser eller nummer än vi kontrollerar, så vi har inte kunnat granska alla. Ett äkta meddelande från ett företag innehåller sällan så många.',
}

// An HTML tag, as pasted mail holds them: "<b>person</b>nummer" reads "personnummer".
const TAG = /<\/?[a-z][^<>]{0,200}>/gi

/**
 * The message as the reader sees pasted HTML: tags dropped and character references decoded
 * (person&shy;nummer, &#112;ersonnummer), or null when it holds neither.
 */
function asRendered(text: string): string | null {
  if (!text.includes('<') && !text.includes('&')) return null
  const rendered = decodeEntities(text.replace(TAG, ''))
  return rendered === text ? null : rendered
}

/**
 * The warning patterns that fire for a message, read the way the reader sees it
 * (readableWords: no invisible characters, look-alike letters folded; pasted HTML also as
 * rendered) and without the company's own denials. `hasLink`: the message holds a link that
 * is not official.
 */
export function redFlagsOf(text: string, hasLink: boolean): RedFlag[] {
  const rendered = asRendered(text)
  const readings = [text, ...(rendered === null ? [] : [rendered])].map((reading) =>
    withoutDenials(readableWords(reading)),
  )
  const matches = (words: string, pattern: Pattern) =>
    (Array.isArray(pattern.test)
      ? pattern.test.some((t) => t.test(words))
      : pattern.test.test(words)) ||
    (pattern.personnummer === true && holdsPersonnummer(words))
  const fires = (pattern: Pattern) => readings.some((words) => matches(words, pattern))
  return PATTERNS.filter((p) => (!p.needsLink || hasLink) && fires(p)).map(({ id, text }) => ({
    id,
    text,
  }))
}
