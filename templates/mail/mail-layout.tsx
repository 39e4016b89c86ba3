import type { Child } from 'hono/jsx'

const BODY =
  'margin:0;padding:0;background:#f6f7f9;font-family:Arial,Helvetica,sans-serif;color:#1d232b;'
const CARD = 'max-width:560px;margin:0 auto;background:#ffffff;padding:24px;line-height:1.5;'

/** Table-free, inline-styled shell that mail clients render alike; no images, no external CSS. */
export function MailLayout({
  title,
  unsubscribeUrl,
  children,
}: {
  title: string
  unsubscribeUrl: string
  children: Child
}) {
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style={BODY}>
        <div style={CARD}>
          {children}
          <hr style="border:0;border-top:1px solid #d9dee4;margin:24px 0 12px" />
          <p style="font-size:13px;color:#56606b">
            Du får det här mejlet från Bedrägerivarningar. Vill du inte ha fler?{' '}
            <a href={unsubscribeUrl}>Avsluta prenumerationen</a> med ett klick.
          </p>
        </div>
      </body>
    </html>
  )
}
