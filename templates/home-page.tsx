import type { Alert } from '../src/core/alert-schema'
import { AlertCard } from './components/alert-card'
import { Layout, SITE_NAME } from './layout'

export function HomePage({ alerts, publicUrl }: { alerts: readonly Alert[]; publicUrl: string }) {
  return (
    <Layout
      title={SITE_NAME}
      description="Företags egna varningar för bedrägerier i deras namn, med deras officiella kontaktvägar."
      canonical={`${publicUrl}/`}
    >
      <h1>Aktuella bedrägerivarningar</h1>
      <p>
        Här samlas företags egna varningar när bedragare utger sig för att vara dem. Varje varning
        visar företagets officiella kontaktvägar, så att du kan se vad som är äkta.{' '}
        <a href="/check">Fått ett misstänkt meddelande? Kolla det här.</a>
      </p>
      {alerts.length === 0 ? (
        <p class="empty card">
          Inga varningar är publicerade ännu. Prenumerera på <a href="/feed.xml">RSS-flödet</a> för
          att få veta när den första kommer.
        </p>
      ) : (
        alerts.map((alert) => <AlertCard alert={alert} />)
      )}
    </Layout>
  )
}
