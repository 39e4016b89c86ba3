import type { Child } from 'hono/jsx'
import type { OfficialContacts } from '../../src/core/alert-schema'
import { platformLabel, safeHref, telHref } from '../format'

function ExternalLink({ url, children }: { url: string; children: string }) {
  const href = safeHref(url)
  return href ? (
    <a href={href} rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  )
}

/** An official number, callable from a phone; only numbers from a record's official list come here. */
function PhoneNumber({ number, display }: { number: string; display: string }) {
  const href = telHref(number)
  return href ? (
    <a class="official" href={href}>
      {display}
    </a>
  ) : (
    <strong class="official">{display}</strong>
  )
}

/** One kind of contact: its heading and a list, or a note that the warning names none. */
function Section({ title, items }: { title: string; items: Child[] }) {
  return (
    <>
      <dt>{title}</dt>
      {items.length === 0 ? (
        <dd class="empty">Inte angivna i varningen.</dd>
      ) : (
        <dd>
          <ul>
            {items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </dd>
      )}
    </>
  )
}

/** The company's official contact points; only validated http(s) URLs are links. */
export function OfficialContactsList({
  official,
  companyName,
}: {
  official: OfficialContacts
  companyName: string
}) {
  return (
    <dl class="contacts card">
      <Section
        title="Webbplatser"
        items={official.websites.map((url) => (
          <ExternalLink url={url}>{new URL(url).hostname}</ExternalLink>
        ))}
      />
      <Section
        title="E-post"
        items={official.emailDomains.map((domain) => (
          <>
            Adresser som slutar på <strong class="official">@{domain}</strong> och ingenting annat
          </>
        ))}
      />
      <Section
        title="Telefon"
        items={official.phones.map((phone) => (
          <>
            <PhoneNumber number={phone.number} display={phone.display} />
            {phone.label ? ` – ${phone.label}` : ''} <span class="meta">({phone.number})</span>
          </>
        ))}
      />
      <Section
        title="Sociala medier"
        items={official.social.map((account) => (
          <>
            {platformLabel(account.platform)}:{' '}
            <ExternalLink url={account.url}>{account.handle}</ExternalLink>
          </>
        ))}
      />
      <dd class="meta">
        Andra adresser, nummer och konton som säger sig vara {companyName} är inte officiella enligt
        företaget.
      </dd>
    </dl>
  )
}
