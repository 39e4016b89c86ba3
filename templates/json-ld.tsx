import { raw } from 'hono/html'

/**
 * JSON for a <script type="application/ld+json"> block. Script content is raw text to the
 * HTML parser, so `<`, `>` and `&` are written as JSON escapes: record text can then never
 * close the element ("</script>") or open a comment, and the JSON still means the same.
 * U+2028 and U+2029 are escaped for old JavaScript parsers that read JSON-LD.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/**
 * schema.org data in the page head. A data block is never executed, so the CSP needs no
 * script-src for it (and has none).
 */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json">{raw(jsonLdText(data))}</script>
}
