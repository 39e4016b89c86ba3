import type { Company } from '../src/core/catalog'
import { DELIVERY_KEEP_DAYS } from '../src/core/digest/retention'
import { genitive } from './format'
import { Layout } from './layout'
import { companyFeedPath, companyPath, GUIDANCE_TITLE, PATHS, SITE_NAME } from './site'

/** "Om tjänsten": what the site is, where records come from, how to report an error. */
export function AboutPage({
  publicUrl,
  contactEmail,
}: {
  publicUrl: string
  /** Where readers report errors; set by whoever runs the site. */
  contactEmail?: string | undefined
}) {
  return (
    <Layout
      title="Om tjänsten"
      description={`Vad ${SITE_NAME} är, var uppgifterna kommer ifrån och hur du rapporterar ett fel.`}
      canonical={`${publicUrl}${PATHS.about}`}
    >
      <h1>Om tjänsten</h1>
      <p>
        {SITE_NAME} samlar företags egna varningar när bedragare utger sig för att vara dem i sms,
        mejl, telefonsamtal eller sociala medier. Varje varning visar företagets officiella
        kontaktvägar, så att du kan jämföra ett meddelande med dem. Med{' '}
        <a href={PATHS.check}>kontrollen</a> kan du klistra in ett meddelande och se vilka länkar,
        adresser, nummer och konton som är företagets egna.
      </p>
      <h2>Var uppgifterna kommer ifrån</h2>
      <p>
        Varje varning bygger på en källa som står längst ned på varningens sida: företagets eget
        meddelande eller en artikel som återger det. Vi publicerar bara kontaktvägar som företaget
        självt har angett, och lägger aldrig till nummer eller adresser från annat håll.
      </p>
      <h2>Vad tjänsten inte kan veta</h2>
      <p>
        En avsändare kan förfalskas, så även ett meddelande från ett äkta nummer eller en äkta
        adress kan vara bedrägeri. Att ett företag saknas här betyder inte att dess meddelanden är
        säkra. Lämna aldrig personliga uppgifter via en länk i ett meddelande.
      </p>
      <h2>Rapportera ett fel</h2>
      {contactEmail ? (
        <p>
          Har du hittat ett fel i en varning, till exempel ett nummer som inte stämmer med
          företagets egen webbplats? Mejla <a href={`mailto:${contactEmail}`}>{contactEmail}</a> och
          skriv vilken varning det gäller och var företaget anger rätt uppgift. Vi rättar felet och
          uppdaterar varningen.
        </p>
      ) : (
        <p>
          Har du hittat ett fel i en varning, till exempel ett nummer som inte stämmer med
          företagets egen webbplats? Lita alltid på företagets egen uppgift. Den som driver den här
          webbplatsen har ännu inte angett någon adress för felrapporter.
        </p>
      )}
      <p>
        <a href={PATHS.privacy}>Integritet</a> · <a href={PATHS.feeds}>Flöden</a> ·{' '}
        <a href={PATHS.guidance}>{GUIDANCE_TITLE}</a>
      </p>
    </Layout>
  )
}

/** "Integritet": what is kept about subscribers, that pasted messages are not, how to leave. */
export function PrivacyPage({ publicUrl }: { publicUrl: string }) {
  return (
    <Layout
      title="Integritet"
      description="Vilka uppgifter vi sparar om prenumeranter, att inklistrade meddelanden aldrig sparas och hur du avslutar en prenumeration."
      canonical={`${publicUrl}${PATHS.privacy}`}
    >
      <h1>Integritet</h1>
      <h2>När du läser</h2>
      <p>
        Webbplatsen använder inga kakor och inga analysverktyg, och sidorna hämtar inget från andra
        webbplatser.
      </p>
      <h2>När du kollar ett meddelande</h2>
      <p>
        Texten och avsändaren du klistrar in används bara för att ge dig svaret.{' '}
        <strong>De sparas aldrig</strong>: de skrivs inte till någon databas eller logg, och svaret
        är märkt så att webbläsare och andra mellanlager inte sparar det.
      </p>
      <h2>När du prenumererar via e-post</h2>
      <p>Vi sparar</p>
      <ul>
        <li>din e-postadress,</li>
        <li>vilka företag du vill ha varningar om (eller alla),</li>
        <li>
          om prenumerationen väntar på bekräftelse, är aktiv eller avslutad, och när den startades,
          bekräftades och senast ändrades,
        </li>
        <li>
          bekräftelselänkar: tills bekräftelsemejlet har skickats ligger länken i vår utkorg, sedan
          finns den bara kvar som kontrollsumma; den gäller i 48 timmar och kan användas en gång,
        </li>
        <li>den personliga länken för att avsluta, som finns i varje mejl,</li>
        <li>
          vilka varningar vi har skickat till dig och när, i {DELIVERY_KEEP_DAYS} dagar efter
          utskicket (ett mejl som vi inte vet om det kom fram finns kvar tills vi har skickat det
          igen),
        </li>
        <li>
          fram till vilken tidpunkt du har fått varningarna, så att ingen varning skickas två
          gånger.
        </li>
      </ul>
      <p>
        För att stoppa missbruk håller vi reda på hur många anmälningar som kommer från varje
        IP-adress (för IPv6 det /64-nät som adressen hör till) och hur många bekräftelsemejl som går
        till varje inkorg. Uppgiften raderas när den inte längre begränsar något, och vi rensar
        varje timme: en IP-adress finns kvar högst två timmar efter den senaste anmälan, en
        e-postadress högst ett dygn och en timme efter det senaste bekräftelsemejlet. Kontrollen av
        meddelanden begränsas också per IP-adress, bara i minnet och i högst ett par minuter; det du
        klistrar in sparas aldrig. En adress som aldrig har bekräftats raderas en vecka efter den
        senaste anmälan, kontrollsumman av en bekräftelselänk en vecka efter att länken har slutat
        gälla, och uppgiften om vilka varningar ett utskick innehöll {DELIVERY_KEEP_DAYS} dagar
        efter utskicket.
      </p>
      <p>Uppgifterna används bara för att skicka de varningar du har bett om.</p>
      <h2>Så avslutar du</h2>
      <p>
        Varje mejl har en länk längst ned för att avsluta: klicka på den och tryck på knappen.
        Avsluta-knappen i ditt e-postprogram fungerar också. Därefter skickar vi inga fler mejl;
        adressen finns kvar hos oss, markerad som avslutad.
      </p>
    </Layout>
  )
}

/** The "RSS" page: what a feed is, and every feed the site offers, with addresses to copy. */
export function FeedsPage({
  publicUrl,
  companies,
}: {
  publicUrl: string
  /** Sorted A to Ö. */
  companies: readonly Company[]
}) {
  const siteFeeds = [
    { name: 'RSS', path: PATHS.rss },
    { name: 'Atom', path: PATHS.atom },
    { name: 'JSON Feed', path: PATHS.jsonFeed },
  ]
  return (
    <Layout
      title="Flöden"
      description="Följ nya bedrägerivarningar i en flödesläsare: RSS, Atom och JSON Feed för alla varningar och ett RSS-flöde per företag."
      canonical={`${publicUrl}${PATHS.feeds}`}
      section="feeds"
    >
      <h1>Följ varningarna i en flödesläsare</h1>
      <p>
        Ett flöde (RSS) är en lista över nya varningar som en flödesläsare hämtar åt dig. En
        flödesläsare är en app eller webbtjänst som samlar nyheter från många webbplatser på ett
        ställe. Du behöver inget konto hos oss och lämnar inga uppgifter.
      </p>
      <p>
        Så gör du: kopiera adressen till det flöde du vill följa och klistra in den i din
        flödesläsare, där det brukar stå ”Lägg till flöde” eller ”Prenumerera”. Klickar du på
        adressen här visas flödet som kod, eftersom det är skrivet för flödesläsare.
      </p>
      <p>Hellre e-post? Prenumerera med formuläret längst ned på sidan.</p>
      <h2>Alla varningar</h2>
      <p>Samma varningar i tre format. Välj det din läsare stöder; RSS fungerar nästan överallt.</p>
      <ul>
        {siteFeeds.map((feed) => (
          <li>
            <a href={feed.path}>{feed.name}</a>:{' '}
            <span class="feed-url">{`${publicUrl}${feed.path}`}</span>
          </li>
        ))}
      </ul>
      <h2>Ett företags varningar</h2>
      {companies.length === 0 ? (
        <p class="empty">Inga företag har varnat ännu.</p>
      ) : (
        <ul>
          {companies.map((company) => (
            <li>
              <a href={companyPath(company.slug)}>{company.name}</a>:{' '}
              <a href={companyFeedPath(company.slug)}>{genitive(company.name)} RSS-flöde</a>{' '}
              <span class="feed-url">{`${publicUrl}${companyFeedPath(company.slug)}`}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
