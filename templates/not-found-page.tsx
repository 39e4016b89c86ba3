import { Layout } from './layout'

export function NotFoundPage({ message }: { message: string }) {
  return (
    <Layout title="Sidan finns inte">
      <h1>Sidan finns inte</h1>
      <p>{message}</p>
      <p>
        <a href="/">Till alla varningar</a> · <a href="/companies">Alla företag</a>
      </p>
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
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="error" role="alert">
        {message}
      </p>
      <p class="meta">Felkod {status}</p>
      <p>
        <a href="/">Till startsidan</a>
      </p>
    </Layout>
  )
}
