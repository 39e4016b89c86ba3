import { stringify } from 'yaml'
import type { RecordFile } from '../src/core/records'

/**
 * FICTION, generated for benchmarks only and never published: pronounceable made-up names on
 * reserved example.com subdomains. Phone numbers come only from the Swedish fiction ranges
 * (08-465 004 xx, 040-628 04 xx, 0980-319 2xx), so only the first few hundred companies get one.
 */
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  've',
  'sto',
  'ra',
  'ni',
  'bo',
  'tu',
  'el',
  'sa',
  'dre',
  'fa',
  'go',
  'lin',
  'mar',
  'pe',
  'ri',
  'sun',
  'va',
]

function fictionPhones(): { number: string; display: string }[] {
  const phones: { number: string; display: string }[] = []
  for (let i = 0; i < 100; i++) {
    const xx = String(i).padStart(2, '0')
    phones.push({ number: `+468465004${xx}`, display: `08-465 004 ${xx}` })
    phones.push({ number: `+464062804${xx}`, display: `040-628 04 ${xx}` })
    phones.push({ number: `+469803192${xx}`, display: `0980-319 2${xx}` })
  }
  return phones
}

function nameOf(i: number): string {
  let n = i + 7
  let word = ''
  do {
    word += SYLLABLES[n % SYLLABLES.length]
    n = Math.floor(n / SYLLABLES.length)
  } while (n > 0)
  return `${word}${['bolaget', 'handel', 'service', 'butiken'][i % 4]}`
}

/** The records of `count` fictional companies, one each, as objects before validation. */
export function fictionalRecordObjects(count: number): Record<string, unknown>[] {
  const phones = fictionPhones()
  return Array.from({ length: count }, (_, i) => {
    const word = nameOf(i)
    const host = `${word}.example.com`
    const record = {
      id: `${word}-2026-01-01`,
      title: `${word} varnar (fiktiv)`,
      summary: 'Fiktiv varning för prestandamätning.',
      published: '2026-01-01',
      language: 'sv',
      company: { slug: word, name: word[0]!.toUpperCase() + word.slice(1), aliases: [] },
      channels: ['sms'],
      official: {
        websites: [`https://${host}/`],
        emailDomains: [host],
        phones: phones[i] ? [phones[i]] : [],
        social: [{ platform: 'instagram', handle: word, url: `https://www.instagram.com/${word}` }],
      },
      tips: ['Fiktivt råd.'],
      source: { title: 'Fiktiv källa', publisher: 'Benchmark', date: '2026-01-01' },
    }
    return record
  })
}

/** The same records as YAML files, named `bench/<slug>.yaml`. */
export function fictionalCompanyRecords(count: number): RecordFile[] {
  return fictionalRecordObjects(count).map((record) => ({
    name: `bench/${(record.company as { slug: string }).slug}.yaml`,
    text: stringify(record),
  }))
}

/** A 1 KB message in the style of a real scam SMS/e-mail, with every kind of contact point. */
export function benchMessage(companyName: string, word: string): string {
  const base =
    `Hej! Vi på ${companyName} har försökt leverera ditt paket men adressen saknas. ` +
    `Bekräfta din adress inom 24 timmar på https://${word}-leverans.example/sp?id=88231 eller via ` +
    `https://${word}.example.com.verify-order.example/login. Frågor? Ring 08-465 004 01 eller mejla ` +
    `kundtjanst@${word}.example.com. Följ oss på Instagram @${word}_official och facebook.com/${word}sverige. ` +
    'Vänliga hälsningar, kundtjänst. Klicka inte på länkar du inte litar på, och lämna aldrig ut ditt ' +
    'personnummer eller kortnummer. '
  return (base + base).slice(0, 1024)
}
