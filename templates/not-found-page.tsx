import { SearchForm } from './components/search-form'
import { Layout } from './layout'
import { GUIDANCE_TITLE, PATHS } from './site'

/** A dead end that still helps: search and the checker first, then the lists. */
export function NotFoundPage({ message }: { message: string }) {
  return (
    <Layout title="Sidan finns inte" noindex>
      <h1>Sidan finns inte</h1>
      <p>{message}</p>
      <SearchForm
        id="sok-saknas"
        label="Letar du efter ett nummer, en adress, ett konto eller ett företag? Sök här"
      />
      <div class="card">
        <h2>Har du fått ett misstänkt meddelande?</h2>
        <p>
          Klistra in det i vår kontroll, så ser du vilka länkar, nummer och adresser som är
          företagets egna.
        </p>
        <a class="button" href={PATHS.check}>
          Kolla ett meddelande
        </a>
      </div>
      <ul>
        <li>
          <a href={PATHS.home}>Alla varningar</a>
        </li>
        <li>
          <a href={PATHS.companies}>Alla företag</a>
        </li>
        <li>
          <a href={PATHS.guidance}>{GUIDANCE_TITLE}</a>
        </li>
      </ul>
    </Layout>
  )
}

export function ErrorPage({
  title,
  message,
  status,
}: {
  title: string
  message: string
  status: number
}) {
  return (
    <Layout title={title} noindex>
      <h1>{title}</h1>
      <p class="error" role="alert">
        {message}
      </p>
      <p class="meta">Felkod {status}</p>
      <p>
        <a href={PATHS.home}>Till startsidan</a>
      </p>
    </Layout>
  )
}
