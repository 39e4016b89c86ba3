import type { Channel } from '../alert-schema'

/**
 * A regular expression whose \b means a boundary between Swedish words: JavaScript's \b
 * counts å, ä and ö as non-word characters even with the u flag, so "\bvår\b" never
 * matches "vår".
 */
function words(source: string, flags = 'iu'): RegExp {
  return new RegExp(
    source.replaceAll(
      '\\b',
      '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))',
    ),
    flags,
  )
}

/**
 * The Swedish words the draft tool reads an article by. Each list is what a news article
 * about a scam in a company's name says; the tests in tests/core/draft hold real and
 * fictional sentences for each.
 */

/** Words about fraud: without one, an article is no scam warning. */
export const FRAUD_WORDS = words(
  String.raw`\b(?:bedrägeri\p{L}*|bedrägl\p{L}*|bedragar\p{L}*|bedragare|bluff\p{L}*|falsk\p{L}*|nätfiske|phishing|smishing|vishing|svindl\p{L}*|lurendrej\p{L}*|oseriös\p{L}*|\p{L}*bluff)\b`,
)

/** Where an article says someone pretends to be a company; the company follows. */
export const IMPERSONATION_FRAMES: readonly RegExp[] = [
  words(
    String.raw`\b(?:utger|ger) sig (?:ut )?(?:för att|som) (?:vara|representera|komma från|företräda)\s+`,
    'giu',
  ),
  words(String.raw`\bpåstår sig (?:vara|komma från|representera|företräda)\s+`, 'giu'),
  words(String.raw`\blåtsas (?:vara|komma från)\s+`, 'giu'),
]

/** "i företagets namn", "i Provbutikens namn", "där företagets namn utnyttjas". */
export const NAME_USED_FRAMES: readonly RegExp[] = [
  words(String.raw`\bi (\p{L}[\p{L}\p{N}&.-]*?)(?::s|s) namn\b`, 'giu'),
  words(
    String.raw`\b(\p{L}[\p{L}\p{N}&.-]*?)(?::s|s) namn (?:utnyttjas|används|missbrukas)\b`,
    'giu',
  ),
]

/** Where an article says who warns: "X varnar", "Det är X som varnar", "varnar X för". */
export const WARNER_FRAMES: readonly RegExp[] = [
  words(String.raw`^(.{1,80}?)\s+varnar\b`, 'u'),
  words(String.raw`\bdet är (.{1,160}?)\s+som varnar\b`),
  words(String.raw`\bvarnar ([^,.;:]{1,60}?) för\b`),
]

/** Words that end a company name in a phrase ("jem & fix på sociala medier"). */
export const NAME_STOPS = new Set([
  'på',
  'i',
  'via',
  'genom',
  'från',
  'till',
  'för',
  'om',
  'när',
  'där',
  'efter',
  'hos',
  'mot',
  'under',
  'eftersom',
  'så',
  'som',
  'med',
  'att',
  'men',
  'nu',
  'och',
  'eller',
  'samt',
])

/** Words before a name that say nothing about it: "Både X och Y", "Nu varnar". */
export const LEADING_FILLERS = new Set([
  'både',
  'nu',
  'just',
  'också',
  'även',
  'idag',
  'igen',
  'därför',
])

/** A phrase starting with these names no particular company: "ett fraktbolag", "två företag". */
export const INDEFINITE = new Set([
  'en',
  'ett',
  'flera',
  'olika',
  'många',
  'några',
  'andra',
  'alla',
  'två',
  'tre',
  'fyra',
  'fem',
  'vissa',
  'din',
  'ditt',
  'dina',
  'er',
  'ert',
  'era',
  'man',
  'någon',
  'något',
  'bedragare',
  'bedragarna',
  'kunder',
  'kunderna',
])

/** Words before a name that describe it: "den kända lågpriskedjan jem & fix". */
export const MODIFIERS = new Set([
  'den',
  'det',
  'kända',
  'känd',
  'välkända',
  'stora',
  'största',
  'svenska',
  'populära',
])

/** A word that points back at the company that warns: "utger sig för att vara företaget". */
export const SELF_REFERENCES =
  /^(?:dem|dom|de|oss|sig|henne|honom|den|det|\p{Ll}{4,}(?:en|et|an|na))$/u

/** Channel words, read in the title and in sentences about the scam. */
export const CHANNEL_WORDS: readonly [Channel, RegExp][] = [
  ['sms', words(String.raw`\bsms\p{L}*|\p{L}*sms\b|textmeddelande`)],
  [
    'email',
    words(
      String.raw`\be-?post\p{L}*|\bmejl\p{L}*|\p{L}*mejl\b|\be-?mail\p{L}*|\bmail\b|nätfiske|phishing`,
    ),
  ],
  [
    'phone',
    words(
      String.raw`\bsamtal\p{L}*|\p{L}*samtal\b|\bringer\b|\bringt\b|\bringde\b|vishing|uppringd`,
    ),
  ],
  [
    'social',
    words(
      String.raw`sociala medier|\bfacebook|\binstagram|\btiktok|\blinkedin|\bmessenger|\btwitter|\byoutube|\bwhatsapp|\bsnapchat|\btelegram`,
    ),
  ],
  [
    'web',
    words(String.raw`\bwebbplats\p{L}*|\bwebbsid\p{L}*|\bsajt\p{L}*|\bhemsidor\b|\bannons\p{L}*`),
  ],
  ['letter', words(String.raw`\bbrev\b|\bbrevet\b|\bbreven\b|\bvykort`)],
]

/** Words that say a contact is the company's own. */
export const OFFICIAL_WORDS = words(
  String.raw`\b(?:alltid|endast|enbart|bara|enda|officiell\p{L}*|riktig\p{L}*|äkta|korrekt\p{L}*|heter|avslutas|slutar|nås|vår|våra|vårt|deras|företagets|bolagets|kedjans|bankens|butikens|kundtjänst\p{L}*|kundservice\p{L}*|växel\p{L}*)\b`,
)

/** Words that say a contact is the scammers'. */
export const FAKE_WORDS = words(
  String.raw`\b(?:falsk\p{L}*|bluff\p{L}*|bedragar\p{L}*|bedragare|bedräg\p{L}*|oseriös\p{L}*|kopia|kopior|imiter\p{L}*|efterliknar|misstänkt\p{L}*|utger sig|påstår sig|låtsas)\b`,
)

/** A denial turns "the only number" around: "ringer aldrig från …". */
export const NEGATIONS = words(String.raw`\b(?:aldrig|inte|ej)\b`)

/** "inga andra nummer än 08-…": what follows "än" is the company's own. */
export const ONLY_THAN = words(String.raw`\b(?:andra|annat|annan|inga|ingen|inget)\b.*\bän\s*$`)

/** Words about e-mail: a bare domain after them is where the company's mail comes from. */
export const EMAIL_CONTEXT = words(
  String.raw`\be-?post\p{L}*|\bmejl\p{L}*|\be-?mail\p{L}*|\badress\p{L}*`,
)

/** What an official number is for, as the article says it, and the label it gets. */
export const PHONE_PURPOSES: readonly [RegExp, string][] = [
  [words(String.raw`\bkundtjänst`), 'Kundtjänst'],
  [words(String.raw`\bkundservice`), 'Kundservice'],
  [words(String.raw`\bväxel`), 'Växel'],
  [words(String.raw`\bsupport`), 'Support'],
  [words(String.raw`\bspärr`), 'Spärrtjänst'],
  [words(String.raw`\bbedrägeri\p{L}*avdelning|\bsäkerhetsavdelning`), 'Säkerhetsavdelning'],
  [words(String.raw`\bsms\b`), 'Sms-avsändare'],
]

/** Words that make a number or address the only one: the label says so. */
export const ONLY_WORDS = words(String.raw`\b(?:bara|endast|enbart|enda|enbart)\b`)

/** Advice to the reader: a sentence with one of these is a tip. */
export const ADVICE = words(
  String.raw`\b(?:bör|borde|aldrig|alltid|endast|enbart|uppmana\p{L}*|se upp|var (?:aktsam|uppmärksam|misstänksam|försiktig|vaksam)|varnar för att)\b`,
)

/** A sentence opening with an imperative addresses the reader: "Ring aldrig …", "Radera …". */
export const IMPERATIVE_OPENING = words(
  String.raw`^(?:kolla|kontrollera|radera|ring|klicka|svara|lämna|var|se|tänk|undvik|kontakta|logga|öppna|dela|ge|betala|swisha|lägg|ta|spärra|anmäl|följ|läs|lita)\b`,
)

/** ", uppger företaget." — who said it, which a tip on the site leaves out. */
export const ATTRIBUTION = words(
  String.raw`,\s*(?:uppger|skriver|säger|sa|påpekar|berättar|förklarar|meddelar|varnar|menar|poängterar|enligt)\b[^,.!?]*([.!?])$`,
)

/** "med små bokstäver": the article says how the company spells its name. */
export const LOWERCASE_NAME = /små bokstäver|gemener/iu
