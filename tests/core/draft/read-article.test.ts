import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { splitArticles } from '../../../src/core/draft/articles'
import { type DraftRecord, readArticle } from '../../../src/core/draft/read-article'
import { parseRecord } from '../../../src/core/records'
import {
  POLICE_WARNING,
  PROVBUTIKEN_WARNING,
  SHOP_OPENING,
  TWO_COMPANIES,
  UNCLEAR_CONTACTS,
} from '../../support/fictional-articles'

const SEED = readFileSync('/work/shared/seeds/000_440e9332798f33ed.txt', 'utf8')
const HAND_MADE = parseRecord({
  name: 'alerts/jem-fix-2026-02-28.yaml',
  text: readFileSync('alerts/jem-fix-2026-02-28.yaml', 'utf8'),
})

function readingsOf(text: string) {
  return splitArticles(text).map((article) => readArticle(article, { known: [] }))
}

/** The drafts of a one-article text; fails the test when there are none. */
function draftsOf(text: string): DraftRecord[] {
  const [reading] = readingsOf(text)
  if (reading?.kind !== 'drafts') throw new Error(`no draft: ${JSON.stringify(reading)}`)
  return reading.drafts
}

/** Each draft must pass the record schema as written. */
function expectValid(draft: DraftRecord) {
  const result = parseRecord({ name: 'draft.yaml', text: JSON.stringify(draft) })
  expect(result.ok ? [] : result.issues).toEqual([])
}

describe('readArticle on the seed file', () => {
  const readings = readingsOf(SEED)

  it('drafts only the jem & fix warning and says in one line why the others are no warnings', () => {
    expect(readings.map((r) => r.kind)).toEqual(['no-draft', 'drafts', 'no-draft'])
    for (const reading of [readings[0], readings[2]]) {
      expect(reading).toEqual({
        kind: 'no-draft',
        reason: expect.stringMatching(/^not a scam warning: /),
      })
      if (reading?.kind === 'no-draft') expect(reading.reason).not.toContain('\n')
    }
  })

  it('writes official contacts equal to the hand-made record’s', () => {
    const reading = readings[1]
    if (!HAND_MADE.ok || reading?.kind !== 'drafts') throw new Error('unreachable')
    const official = reading.drafts[0]!.official
    expect(official).toEqual(HAND_MADE.alert.official)
    expect(official.websites).toEqual([])
    expect(official.smsSenders).toBeUndefined()
  })

  it('names the company as it writes itself, with the article’s title and date as the source', () => {
    const reading = readings[1]
    if (reading?.kind !== 'drafts') throw new Error('no draft')
    const [draft] = reading.drafts
    expect(reading.drafts).toHaveLength(1)
    expect(draft).toMatchObject({
      id: 'jem-fix-2026-02-28',
      draft: true,
      published: '2026-02-28',
      language: 'sv',
      title: 'jem & fix varnar för falska sms, mejl och konton i sociala medier',
      company: {
        slug: 'jem-fix',
        name: 'jem & fix',
        aliases: ['jem och fix', 'jem o fix', 'jemfix', 'jemofix'],
      },
      channels: ['sms', 'email', 'social'],
      source: {
        title: 'Många får samma sms just nu – radera direkt',
        publisher: 'Redaktionen',
        date: '2026-02-28',
      },
      reportedFakes: [],
    })
    expectValid(draft!)
  })

  it('keeps the sentence each contact came from', () => {
    const reading = readings[1]
    if (reading?.kind !== 'drafts') throw new Error('no draft')
    const provenance = reading.drafts[0]!.provenance
    expect(provenance).toEqual(
      expect.arrayContaining([
        {
          field: 'official.emailDomains',
          value: 'jemfix.com',
          sentence: 'Deras e-postadresser avslutas alltid med @jemfix.com och ingenting annat.',
        },
        {
          field: 'official.phones',
          value: '+46462852900',
          sentence:
            'Som kund kan du bara ringa företagets kundtjänst på telefonnummer 046-28 52 900.',
        },
        {
          field: 'official.social',
          value: 'facebook:jemofixsverige',
          sentence: expect.stringMatching(
            /^På Facebook heter företaget jemofixsverige och på Instagram jemfix\.se/,
          ),
        },
        {
          field: 'official.social',
          value: 'instagram:jemfix.se',
          sentence: expect.stringMatching(/^På Facebook heter företaget jemofixsverige/),
        },
        {
          field: 'company.name',
          value: 'jem & fix',
          sentence: expect.stringContaining('jem & fix'),
        },
        { field: 'source.date', value: '2026-02-28', sentence: '2026 02 28' },
        { field: 'source.publisher', value: 'Redaktionen', sentence: 'Text: Redaktionen' },
      ]),
    )
  })

  it('leaves nothing for review, and takes no tip from a read-also line or a subheading', () => {
    const reading = readings[1]
    if (reading?.kind !== 'drafts') throw new Error('no draft')
    const draft = reading.drafts[0]!
    expect(draft.review).toEqual([])
    expect(draft.tips.join('\n')).not.toMatch(
      /LÄS OCKSÅ|Energibolag|Brittiska|Kolla avsändaren$|Foto|70 butiker/,
    )
    expect(draft.tips).toEqual(
      expect.arrayContaining([
        'jem & fix ber dig aldrig lämna personliga uppgifter och begär inte information om dig via en länk.',
        'Man bör alltid kolla avsändaren.',
        'Som kund kan du bara ringa jem & fix:s kundtjänst på telefonnummer 046-28 52 900.',
        'Är texten i meddelandet konstigt formulerad? Vid bedrägeri är texten ofta översatt av en dator.',
      ]),
    )
  })
})

describe('readArticle on fictional articles', () => {
  it('drafts a one-company warning with its own contacts official and the scammers’ as fakes', () => {
    const [draft, ...more] = draftsOf(PROVBUTIKEN_WARNING)
    expect(more).toEqual([])
    expect(draft).toMatchObject({
      id: 'provbutiken-2026-04-10',
      company: { slug: 'provbutiken', name: 'Provbutiken' },
      channels: ['sms', 'email'],
      official: {
        websites: ['https://www.provbutiken.example.com/'],
        emailDomains: ['provbutiken.example.com'],
        phones: [
          {
            number: '+46313900650',
            display: '031-390 06 50',
            label: 'Kundtjänst – det enda numret till kundtjänst',
          },
        ],
        social: [],
      },
      reportedFakes: [
        { value: 'kundservice@provbutiken-retur.example' },
        { value: 'provbutiken-retur.example' },
      ],
      source: { publisher: 'Testredaktionen', date: '2026-04-10' },
      review: [],
    })
    expect(draft!.tips).toEqual(
      expect.arrayContaining([
        'Provbutiken skickar aldrig länkar där du ska logga in.',
        'Ring aldrig ett nummer som står i ett mejl.',
      ]),
    )
    expect(draft!.tips.join(' ')).not.toContain('FIKTIV')
    expectValid(draft!)
  })

  it('writes no draft for an article that is no scam warning, saying why', () => {
    expect(readingsOf(SHOP_OPENING)).toEqual([
      { kind: 'no-draft', reason: expect.stringMatching(/^not a scam warning: /) },
    ])
  })

  it('writes no draft for a scam warning in which no named company is impersonated', () => {
    expect(readingsOf(POLICE_WARNING)).toEqual([
      { kind: 'no-draft', reason: expect.stringMatching(/names no company that is impersonated/) },
    ])
  })

  it('writes one draft per company of a two-company article, each with its own contacts', () => {
    const drafts = draftsOf(TWO_COMPANIES)
    expect(drafts.map((d) => d.id)).toEqual(['exempelbolaget-2026-05-20', 'lagerladan-2026-05-20'])
    const [exempel, lagret] = drafts
    expect(exempel?.official.phones.map((p) => [p.number, p.display])).toEqual([
      ['+46846500430', '08-465 004 30'],
    ])
    expect(exempel?.official.emailDomains).toEqual([])
    expect(lagret?.company).toMatchObject({ slug: 'lagerladan', name: 'Lagerlådan' })
    expect(lagret?.official.phones.map((p) => [p.number, p.label])).toEqual([
      ['+46701740660', 'Kundtjänst – det enda numret till kundtjänst'],
    ])
    expect(lagret?.official.emailDomains).toEqual(['lagerladan.example.se'])
    for (const draft of drafts) {
      expect(draft.channels).toEqual(['sms'])
      // The scammers' sentence names neither company: both drafts ask, neither guesses.
      expect(draft.reportedFakes).toEqual([])
      expect(draft.review.map((item) => item.value)).toEqual([
        '+46701740699',
        'lagerladan-paket.example',
      ])
      expectValid(draft)
    }
    expect(exempel?.tips).toContain('Exempelbolaget skickar aldrig länkar i sms.')
    expect(exempel?.tips.join(' ')).not.toContain('Lagerlådan')
    expect(lagret?.tips.join(' ')).not.toContain('Exempelbolaget')
  })

  it('marks for review what the article leaves unclear, and places none of it', () => {
    const [draft] = draftsOf(UNCLEAR_CONTACTS)
    expect(draft).toMatchObject({
      id: 'odla-2026-05-25',
      company: { slug: 'odla', name: 'Ödla' },
      channels: ['phone'],
      official: { websites: ['https://odla.example.se/'], emailDomains: [], phones: [] },
    })
    expect(draft!.review).toEqual([
      {
        field: 'official.websites',
        value: 'https://odla.example.se/',
        reason: expect.stringMatching(/written without https:\/\//),
      },
      {
        field: 'official.phones',
        value: '+46846500480',
        reason: expect.stringMatching(/does not say whose number it is/),
      },
      { field: 'source.publisher', reason: expect.stringMatching(/no byline/) },
    ])
    expectValid(draft!)
  })
})

describe('readArticle on hostile input', () => {
  it('gives a valid draft, quickly, from huge sentences, control characters and a lone surrogate', () => {
    // FICTION: a made-up company on a reserved domain and a fiction number.
    const flood = 'Exempelbolagets mejl slutar alltid på @exempelbolaget.example.se och '.repeat(
      3_000,
    )
    const long = `Exempelbolagets kundtjänst nås endast på 08-465 004 00, ${'och det är alltid samma nummer '.repeat(60)}.`
    const text = [
      'Exempelbolaget varnar för falska sms',
      '',
      '2026-03-01',
      '',
      'FIKTIV ARTIKEL FÖR TESTER. Exempelbolaget varnar för bedragare som utger sig för att vara Exempelbolaget i sms.',
      '',
      flood,
      '',
      long,
      '',
      `Ring aldrig\u0007 numret i ett sms\uD800 från bedragarna ${'https://exempelbolaget-rea.example/'.padEnd(400, 'x')}.`,
    ].join('\n')
    const started = performance.now()
    const [draft] = draftsOf(text)
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(draft!.official.emailDomains).toEqual(['exempelbolaget.example.se'])
    expect(draft!.official.phones.map((p) => p.number)).toEqual(['+46846500400'])
    expectValid(draft!)
  })

  it('counts an account once however its letters are cased', () => {
    const text = [
      'Exempelbolaget varnar för falska konton',
      '',
      '2026-03-01',
      '',
      'FIKTIV ARTIKEL FÖR TESTER. Bedragare utger sig för att vara Exempelbolaget på Instagram.',
      '',
      'På Instagram heter företaget ExempelBolaget. Det riktiga kontot heter alltid exempelbolaget på Instagram: exempelbolaget.',
    ].join('\n')
    const [draft] = draftsOf(text)
    expect(draft!.official.social.map((a) => a.handle)).toEqual(['ExempelBolaget'])
  })
})

describe('readArticle never places an official contact it cannot vouch for', () => {
  /** FICTION: a one-company warning whose last paragraph is the sentence under test. */
  const warning = (sentence: string) =>
    [
      'Exempelbolaget varnar för falska mejl',
      '',
      '2026-03-01',
      '',
      'FIKTIV ARTIKEL FÖR TESTER. Bedragare utger sig för att vara Exempelbolaget i mejl.',
      '',
      sentence,
    ].join('\n')

  it.each([
    [
      'letters outside a–z (a Cyrillic і)',
      'Exempelbolagets enda webbplats är exempelbolaget.exаmple.se.',
      /letters or dots outside a–z/,
    ],
    [
      'ideographic full stops',
      'Exempelbolagets mejl slutar alltid på @exempelbolaget。example。se.',
      /letters or dots outside a–z/,
    ],
    [
      'a defanged link',
      'Exempelbolagets enda webbplats är hxxps://exempelbolaget[.]example[.]se/.',
      /not written as a web address/,
    ],
  ])('sends a domain written with %s to review', (_what, sentence, reason) => {
    const [draft] = draftsOf(warning(sentence))
    expect(draft!.official.websites).toEqual([])
    expect(draft!.official.emailDomains).toEqual([])
    expect(draft!.review).toContainEqual(
      expect.objectContaining({ reason: expect.stringMatching(reason) }),
    )
    expectValid(draft!)
  })
})
