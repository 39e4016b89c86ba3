import type { Child } from 'hono/jsx'
import { SubscribeForm } from './components/subscribe-form'

export interface LayoutProps {
  title: string
  description?: string
  /** Absolute URL of this page, for the canonical link. */
  canonical?: string
  /** Offers "only this company" in the subscription form. */
  subscribeCompany?: { slug: string; name: string } | undefined
  /** False on pages that are themselves about subscribing. */
  showSubscribe?: boolean
  children: Child
}

/** The page shell: Swedish, mobile-first, one local stylesheet, no scripts. */
export function Layout({
  title,
  description,
  canonical,
  subscribeCompany,
  showSubscribe = true,
  children,
}: LayoutProps) {
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === SITE_NAME ? title : `${title} – ${SITE_NAME}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="alternate" type="application/rss+xml" title={SITE_NAME} href="/feed.xml" />
      </head>
      <body>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">
              {SITE_NAME}
            </a>
            <nav aria-label="Huvudmeny">
              <a href="/">Varningar</a>
              <a href="/companies">Företag</a>
              <a href="/check">Kolla ett meddelande</a>
              <a href="/feed.xml">RSS</a>
            </nav>
          </div>
        </header>
        <main class="wrap" id="innehall">
          {children}
          {showSubscribe ? <SubscribeForm company={subscribeCompany} /> : null}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {SITE_NAME} publicerar företags egna varningar för bedrägerier i deras namn, med deras
              officiella kontaktvägar. Kontakta aldrig ett företag via uppgifter i ett misstänkt
              meddelande.
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}

export const SITE_NAME = 'Bedrägerivarningar'
