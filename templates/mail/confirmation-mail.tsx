import { MailLayout } from './mail-layout'

export interface ConfirmationMailProps {
  confirmUrl: string
  unsubscribeUrl: string
  /** Names of the chosen companies; empty means every company. */
  companyNames: string[]
}

function choiceText(companyNames: string[]): string {
  return companyNames.length === 0
    ? 'alla nya varningar'
    : `nya varningar om ${companyNames.join(', ')}`
}

export const confirmationSubject = 'Bekräfta din prenumeration på bedrägerivarningar'

export function ConfirmationMailHtml({
  confirmUrl,
  unsubscribeUrl,
  companyNames,
}: ConfirmationMailProps) {
  return (
    <MailLayout title={confirmationSubject} unsubscribeUrl={unsubscribeUrl}>
      <h1 style="font-size:20px">Bekräfta din prenumeration</h1>
      <p>
        Någon, förhoppningsvis du, vill få {choiceText(companyNames)} från Bedrägerivarningar till
        den här adressen.
      </p>
      <p>
        <a
          href={confirmUrl}
          style="display:inline-block;background:#0b5cad;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none"
        >
          Bekräfta prenumerationen
        </a>
      </p>
      <p style="font-size:13px;color:#56606b">
        Länken gäller i 48 timmar och kan bara användas en gång. Om det inte var du kan du strunta i
        det här mejlet; ingenting skickas utan bekräftelse.
      </p>
    </MailLayout>
  )
}

export function confirmationMailText({
  confirmUrl,
  unsubscribeUrl,
  companyNames,
}: ConfirmationMailProps): string {
  return [
    'Bekräfta din prenumeration',
    '',
    `Någon, förhoppningsvis du, vill få ${choiceText(companyNames)} från Bedrägerivarningar till den här adressen.`,
    '',
    `Bekräfta här: ${confirmUrl}`,
    '',
    'Länken gäller i 48 timmar och kan bara användas en gång. Om det inte var du kan du strunta i det här mejlet.',
    '',
    `Avsluta prenumerationen: ${unsubscribeUrl}`,
    '',
  ].join('\n')
}
