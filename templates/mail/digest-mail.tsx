import type { Alert } from '../../src/core/alert-schema'
import { formatDate } from '../format'
import { MailLayout } from './mail-layout'

export interface DigestMailProps {
  alerts: readonly Alert[]
  publicUrl: string
  unsubscribeUrl: string
}

export function digestSubject(alerts: readonly Alert[]): string {
  const first = alerts[0]
  if (alerts.length === 1 && first) return `Ny bedrägerivarning: ${first.company.name}`
  return `${alerts.length} nya bedrägerivarningar`
}

export function DigestMailHtml({ alerts, publicUrl, unsubscribeUrl }: DigestMailProps) {
  return (
    <MailLayout title={digestSubject(alerts)} unsubscribeUrl={unsubscribeUrl}>
      <h1 style="font-size:20px">{digestSubject(alerts)}</h1>
      {alerts.map((alert) => (
        <div style="border:1px solid #d9dee4;border-radius:8px;padding:12px 16px;margin:12px 0">
          <h2 style="font-size:17px;margin:0 0 4px">
            <a href={`${publicUrl}/alerts/${alert.id}`}>{alert.title}</a>
          </h2>
          <p style="font-size:13px;color:#56606b;margin:0 0 8px">
            {alert.company.name} · {formatDate(alert.published)}
          </p>
          <p style="margin:0">{alert.summary}</p>
        </div>
      ))}
      <p>
        Se alla varningar och kolla misstänkta meddelanden på{' '}
        <a href={`${publicUrl}/`}>{publicUrl.replace(/^https?:\/\//, '')}</a>.
      </p>
    </MailLayout>
  )
}

export function digestMailText({ alerts, publicUrl, unsubscribeUrl }: DigestMailProps): string {
  const lines = [digestSubject(alerts), '']
  for (const alert of alerts) {
    lines.push(
      alert.title,
      `${alert.company.name} · ${formatDate(alert.published)}`,
      alert.summary,
      `Läs mer: ${publicUrl}/alerts/${alert.id}`,
      '',
    )
  }
  lines.push(
    `Kolla misstänkta meddelanden: ${publicUrl}/check`,
    '',
    `Avsluta prenumerationen: ${unsubscribeUrl}`,
    '',
  )
  return lines.join('\n')
}
