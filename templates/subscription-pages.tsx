import { Layout } from './layout'

/** The same page for every address, known or not: nothing reveals who subscribes. */
export function SubscribeReceivedPage() {
  return (
    <Layout title="Kolla din e-post" showSubscribe={false} noindex>
      <h1>Kolla din e-post</h1>
      <p>
        Om adressen kan ta emot mejl har vi skickat en länk för att bekräfta prenumerationen. Länken
        gäller i 48 timmar. Hittar du inget mejl, titta i skräpposten.
      </p>
      <p>
        <a href="/">Tillbaka till varningarna</a>
      </p>
    </Layout>
  )
}

export function ConfirmPage({ token }: { token: string }) {
  return (
    <Layout title="Bekräfta prenumerationen" showSubscribe={false} noindex>
      <h1>Bekräfta prenumerationen</h1>
      <p>Tryck på knappen för att börja få bedrägerivarningar via e-post.</p>
      <form method="post" action="/confirm">
        <input type="hidden" name="token" value={token} />
        <button type="submit">Bekräfta</button>
      </form>
    </Layout>
  )
}

export function ConfirmedPage() {
  return (
    <Layout title="Prenumerationen är bekräftad" showSubscribe={false} noindex>
      <h1>Klart!</h1>
      <p>
        Du får ett mejl när nya bedrägerivarningar publiceras. Varje mejl har en länk för att
        avsluta.
      </p>
      <p>
        <a href="/">Till varningarna</a>
      </p>
    </Layout>
  )
}

/** A confirmation link opened again once it has done its work: nothing is wrong. */
export function AlreadySubscribedPage() {
  return (
    <Layout title="Du prenumererar redan" showSubscribe={false} noindex>
      <h1>Du prenumererar redan</h1>
      <p>
        Prenumerationen är redan bekräftad, så du behöver inte göra något mer. Du får ett mejl när
        nya bedrägerivarningar publiceras, och varje mejl har en länk för att avsluta.
      </p>
      <p>
        <a href="/">Till varningarna</a>
      </p>
    </Layout>
  )
}

export function UnsubscribePage({ token }: { token: string }) {
  return (
    <Layout title="Avsluta prenumerationen" showSubscribe={false} noindex>
      <h1>Avsluta prenumerationen</h1>
      <p>Tryck på knappen så skickar vi inga fler bedrägerivarningar till dig.</p>
      <form method="post" action={`/unsubscribe?token=${token}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit">Avsluta prenumerationen</button>
      </form>
    </Layout>
  )
}

export function UnsubscribedPage() {
  return (
    <Layout title="Prenumerationen är avslutad" showSubscribe={false} noindex>
      <h1>Prenumerationen är avslutad</h1>
      <p>Vi skickar inga fler mejl till dig. Du kan prenumerera igen när du vill.</p>
      <p>
        <a href="/">Till varningarna</a>
      </p>
    </Layout>
  )
}
