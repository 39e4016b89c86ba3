/** Small readers of our own rendered HTML head; attribute order is the templates' order. */

const decodeEntities = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The content of <meta name=…> or <meta property=…>, unescaped; undefined when absent. */
export function metaContent(html: string, key: string): string | undefined {
  const match = html.match(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`))
  return match ? decodeEntities(match[1]!) : undefined
}

/** Every <link rel="alternate"> as { type, title, href }. */
export function alternates(html: string): { type: string; title: string; href: string }[] {
  return [
    ...html.matchAll(/<link rel="alternate" type="([^"]*)" title="([^"]*)" href="([^"]*)"/g),
  ].map(([, type, title, href]) => ({ type: type!, title: decodeEntities(title!), href: href! }))
}

/** The href of the first <link rel=…>. */
export function linkHref(html: string, rel: string): string | undefined {
  return html.match(new RegExp(`<link rel="${rel}" href="([^"]*)"`))?.[1]
}

/** The parsed JSON of every JSON-LD block. */
export function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    ([, json]) => JSON.parse(json!),
  )
}

/** The text of <main>, tags removed, for checks of what a reader sees. */
export function mainText(html: string): string {
  const main = html.match(/<main[^>]*>([\s\S]*)<\/main>/)?.[1] ?? ''
  return decodeEntities(main.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')
}
