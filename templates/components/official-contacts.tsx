import type { OfficialContacts } from '../../src/core/alert-schema'
import { platformLabel, safeHref } from '../format'

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

/** The company's official contact points; only validated http(s) URLs are links. */
export function OfficialContactsList({
  official,
  companyName,
}: {
  official: OfficialContacts
  companyName: string
}) {
  const none = <dd class="empty">Inte angivna i varningen.</dd>
  return (
    <dl class="contacts card">
      <dt>Webbplatser</dt>
      {official.websites.length === 0 ? (
        none
      ) : (
        <dd>
          <ul>
            {official.websites.map((url) => (
              <li>
                <ExternalLink url={url}>{new URL(url).hostname}</ExternalLink>
              </li>
            ))}
          </ul>
        </dd>
      )}
      <dt>E-post</dt>
      {official.emailDomains.length === 0 ? (
        none
      ) : (
        <dd>
          <ul>
            {official.emailDomains.map((domain) => (
              <li>
                Adresser som slutar på <strong class="official">@{domain}</strong> och ingenting
                annat
              </li>
            ))}
          </ul>
        </dd>
      )}
      <dt>Telefon</dt>
      {official.phones.length === 0 ? (
        none
      ) : (
        <dd>
          <ul>
            {official.phones.map((phone) => (
              <li>
                <strong class="official">{phone.display}</strong>
                {phone.label ? ` – ${phone.label}` : ''} <span class="meta">({phone.number})</span>
              </li>
            ))}
          </ul>
        </dd>
      )}
      <dt>Sociala medier</dt>
      {official.social.length === 0 ? (
        none
      ) : (
        <dd>
          <ul>
            {official.social.map((account) => (
              <li>
                {platformLabel(account.platform)}:{' '}
                <ExternalLink url={account.url}>{account.handle}</ExternalLink>
              </li>
            ))}
          </ul>
        </dd>
      )}
      <dd class="meta">
        Andra adresser, nummer och konton som säger sig vara {companyName} är inte officiella enligt
        företaget.
      </dd>
    </dl>
  )
}
