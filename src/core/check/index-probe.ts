import type { Alert, OfficialContacts } from '../alert-schema'
import type { Catalog, Company } from '../catalog'

// FICTION: made-up companies on reserved names and the Swedish fiction number ranges, never
// published. They exist to exercise every step of building the index (hosts with and without
// www. and subdomains, names with "och", "&" and "+", letters that Unicode skeletons, Latin
// folding and dnstwist glyphs rewrite, handles in mixed case, SMS sender names, shared tips).

/** Only what collectIndexData reads of an alert. */
function alert(id: string, title: string, tips: string[]): Alert {
  return { id, title, tips } as Pick<Alert, 'id' | 'title' | 'tips'> as Alert
}

function company(
  slug: string,
  name: string,
  aliases: string[],
  official: OfficialContacts,
  alerts: Alert[],
): Company {
  return { slug, name, aliases, official, alerts }
}

/** A small catalog whose index fingerprints the index-building code (indexFingerprint). */
export function INDEX_PROBE(): Catalog {
  const companies = [
    company(
      'provbutiken',
      'Provbutiken',
      ['Prov och Butik', 'PROVBUTIKEN+SERVICE'],
      {
        websites: ['https://www.provbutiken.example/', 'https://kund.provbutiken.example.se/'],
        emailDomains: ['provbutiken.example', 'mail.provbutiken.test'],
        phones: [
          { number: '+46846500400', display: '08-465 004 00', label: 'Kundtjänst' },
          { number: '+46313900600', display: '031-390 06 00' },
        ],
        social: [
          {
            platform: 'instagram',
            handle: 'ProvButiken_SE',
            url: 'https://www.instagram.com/ProvButiken_SE',
          },
          {
            platform: 'facebook',
            handle: 'provbutiken',
            url: 'https://www.facebook.com/provbutiken',
          },
        ],
        smsSenders: ['PROVBUTIK', 'Prov Butik'],
      },
      [
        alert('provbutiken-2026-01-02', 'Provbutiken varnar', [
          'Ring aldrig tillbaka.',
          'Klicka inte.',
        ]),
        alert('provbutiken-2026-01-01', 'Provbutiken varnar igen', ['Klicka inte.']),
      ],
    ),
    company(
      'akero-olhandel',
      'Åkerö Ölhandel & Café',
      ['Åkerö och Öl', 'ÅKERÖ', 'Äspa'],
      {
        websites: [],
        emailDomains: ['akerö-ölhandel.example', 'xn--akerclmo-3za.example'],
        phones: [{ number: '+46701740605', display: '070-174 06 05' }],
        social: [{ platform: 'x', handle: 'Akero.Ol', url: 'https://x.com/Akero.Ol' }],
      },
      [alert('akero-olhandel-2026-02-01', 'Åkerö varnar', ['Fiktivt råd.'])],
    ),
    company(
      'clarnmo-11',
      'Clarnmo 11 Vvs',
      [],
      {
        // Pages: one on a shared host, one identified by its query, one that is an account.
        websites: [
          'https://clarnmo11.example/',
          'https://sites.google.com/view/clarnmo11',
          'https://play.google.com/store/apps/details?id=example.clarnmo11',
          'https://www.facebook.com/Clarnmo11',
        ],
        emailDomains: [],
        phones: [],
        social: [],
      },
      [alert('clarnmo-11-2026-03-01', 'Clarnmo varnar', ['Fiktivt råd.'])],
    ),
  ]
  return {
    alerts: companies.flatMap((c) => c.alerts),
    alertsById: new Map(companies.flatMap((c) => c.alerts.map((a) => [a.id, a]))),
    companies: new Map(companies.map((c) => [c.slug, c])),
  }
}
