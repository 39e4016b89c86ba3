import { Layout } from './layout'
import { GUIDANCE_TITLE, PATHS } from './site'

/** External sites named on the page; only their own addresses, typed as people would. */
const POLICE_SITE = 'https://polisen.se/'
const CONSUMER_ADVICE_SITE = 'https://www.hallakonsument.se/'

/**
 * What to do after clicking, replying to or paying a scammer. Only advice that holds for
 * everyone: the bank through its own channels, new passwords, a police report, consumer advice.
 */
export function GuidancePage({ publicUrl }: { publicUrl: string }) {
  return (
    <Layout
      title={GUIDANCE_TITLE}
      description="Så gör du om du har klickat på en länk, svarat eller betalat till en bedragare: kontakta banken, byt lösenord, polisanmäl och få råd."
      canonical={`${publicUrl}${PATHS.guidance}`}
    >
      <h1>{GUIDANCE_TITLE}</h1>
      <p>
        Det händer många, och bedragarna är skickliga. Gör så här så snart du kan. Använd aldrig
        nummer, länkar eller adresser från meddelandet du fick.
      </p>
      <ol class="steps">
        <li>
          <strong>Kontakta din bank direkt</strong> om du har lämnat kortuppgifter, loggat in,
          godkänt något med BankID eller betalat. Ring numret som står på ditt bankkort, eller leta
          upp det på bankens egen webbplats genom att skriva in adressen själv. Be banken spärra
          kortet eller kontot om det behövs.
        </li>
        <li>
          <strong>Byt lösenord</strong> som du har lämnat ut, och byt det också på andra tjänster
          där du använder samma lösenord.
        </li>
        <li>
          <strong>Polisanmäl bedrägeriet.</strong> Ring Polisen på <a href="tel:11414">114 14</a>{' '}
          eller anmäl på{' '}
          <a href={POLICE_SITE} rel="noopener noreferrer">
            polisen.se
          </a>
          . Pågår brottet just nu, ring <a href="tel:112">112</a>. Spara meddelandet, skärmbilder
          och kvitton; de kan behövas när du anmäler.
        </li>
        <li>
          <strong>Få råd som konsument</strong> hos Hallå konsument,{' '}
          <a href={CONSUMER_ADVICE_SITE} rel="noopener noreferrer">
            hallakonsument.se
          </a>
          .
        </li>
        <li>
          <strong>Svara inte igen</strong> och klicka inte på fler länkar. Hör någon av sig efteråt
          och säger sig vara från banken, polisen eller företaget, avsluta samtalet och ring själv
          upp på ett nummer du har letat upp.
        </li>
        <li>
          <strong>Berätta för företaget</strong> som bedragarna låtsades vara. Använd företagets
          officiella kontaktvägar; de finns på <a href={PATHS.companies}>företagens sidor här</a>.
        </li>
      </ol>
      <p>
        Är du osäker på ett meddelande du har fått?{' '}
        <a href={PATHS.check}>Kolla det innan du gör något.</a>
      </p>
    </Layout>
  )
}
