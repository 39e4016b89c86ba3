import { describe, expect, it } from 'vitest'
import { splitArticles } from '../../../src/core/draft/articles'
import { type DraftRecord, readArticle } from '../../../src/core/draft/read-article'

// Adversarial review of issue 12 ("values the tool is unsure of are marked for review, never
// silently guessed"). FICTION: Exempelbolaget, its reserved domains and the numbers in the
// Swedish fiction range 08-465 004 00–99 are made up, and each article says so.

function article(date: string, sentences: readonly string[]): string {
  return [
    'Exempelbolaget varnar för falska sms',
    '',
    date,
    '',
    'FIKTIV ARTIKEL FÖR TESTER: företaget, adresserna och numren är påhittade.',
    '',
    'Exempelbolaget varnar för bedragare som utger sig för att vara företaget i sms och samtal.',
    '',
    ...sentences.flatMap((sentence) => [sentence, '']),
    'Exempelbolagets kundtjänst nås alltid på 08-465 004 00.',
    '',
    'Text: Testredaktionen',
    '',
  ].join('\n')
}

function draftOf(text: string): DraftRecord {
  const [reading] = splitArticles(text).map((a) => readArticle(a, { known: [] }))
  if (reading?.kind !== 'drafts') throw new Error(`no draft: ${JSON.stringify(reading)}`)
  return reading.drafts[0]!
}

/** Every value the draft lists as official, in the record's own spelling. */
function officialValues(draft: DraftRecord): string[] {
  const { official } = draft
  return [
    ...official.websites,
    ...official.emailDomains,
    ...official.phones.map((p) => p.number),
    ...official.social.map((s) => `${s.platform}:${s.handle}`),
  ]
}

describe("a scammer's contact described without a word like falsk or bedragare", () => {
  // sentenceRoles (contact-roles.ts) decides by the words of the clause, walking back to the
  // clause before when it has none: "kundtjänst", "Exempelbolagets", "vår", "officiella" make a
  // contact the company's even when the sentence says it is what the scam message gave, so the
  // scammers' number, address or account lands in official with no review item, and the
  // company's real number beside it. The README admits only the opposite direction (an
  // official contact that lands in review or in the fakes).
  it.each([
    [
      'the scam message asks readers to call "kundtjänst"',
      'I sms:en uppmanas kunderna att ringa kundtjänst på 08-465 004 10 för att få tillbaka pengar.',
      '+46846500410',
    ],
    [
      'a sentence about readers who called it and were cheated',
      'Kunder som ringt kundtjänst på 08-465 004 11 har blivit lurade på pengar.',
      '+46846500411',
    ],
    [
      'an sms that only says it is the company',
      'Om du får ett sms från 08-465 004 12 som säger att det är Exempelbolagets kundtjänst ska du radera det.',
      '+46846500412',
    ],
    [
      'the scam message quoted, "vår kundtjänst"',
      'I sms:en, som ser ut att komma från Exempelbolaget, står det "ring vår kundtjänst på 08-465 004 13".',
      '+46846500413',
    ],
    [
      'a quoted scam message after "de falska sms:en"',
      'Ett av de falska sms:en löd: "Hej, detta är Exempelbolagets kundtjänst, ring oss på 08-465 004 14 för att verifiera ditt konto."',
      '+46846500414',
    ],
    [
      "the scammers' e-mail domain",
      'Flera kunder har fått sms med uppmaningen att kontakta kundservice på kundservice@exempelbolaget-hjalp.example.se.',
      'exempelbolaget-hjalp.example.se',
    ],
    [
      "the scammers' account",
      'Meddelandet ser ut att komma från Exempelbolagets officiella konto @exempelbolaget_support på Instagram.',
      'instagram:exempelbolaget_support',
    ],
  ])('%s: goes to review, not official', (_case, sentence, value) => {
    const draft = draftOf(article('2026-05-12', [sentence]))
    expect(officialValues(draft)).toContain('+46846500400')
    expect(officialValues(draft)).not.toContain(value)
    // A review item names it (an e-mail address is named whole: kundservice@…).
    expect(draft.review.filter((item) => item.value?.includes(value))).not.toEqual([])
  })
})

describe('a tip taken from a quoted scam message', () => {
  // The tips are rewritten with "vi", "oss", "vår", "deras" turned into the company's name, and
  // the rewrite reaches into the scammers' quoted words: "ring oss på 08-465 004 14" becomes a
  // tip that says "ring Exempelbolaget på 08-465 004 14", a sentence the article never wrote.
  it('never puts the company’s name into the scammers’ words', () => {
    const draft = draftOf(
      article('2026-05-13', [
        'Ett av de falska sms:en löd: "Hej, detta är Exempelbolagets kundtjänst, ring oss på 08-465 004 14 för att verifiera ditt konto."',
      ]),
    )
    expect(draft.tips.join('\n')).not.toContain('ring Exempelbolaget på 08-465 004 14')
  })
})

describe('an official website that is one page on a shared host', () => {
  // officialPlacement (placement.ts) checks only that the host has a registrable domain, so
  // sites.google.com passes and the draft lists the page as the company's website with nothing
  // to review; published, it makes every Google Site official (see shared-hosts.attack.test.ts).
  it('is marked for review', () => {
    const draft = draftOf(
      article('2026-05-15', [
        'Företagets enda webbplats är https://sites.google.com/view/exempelbolaget enligt företaget.',
      ]),
    )
    expect(draft.official.websites).toEqual([])
    expect(draft.review.map((item) => item.field)).toContain('official.websites')
  })
})
