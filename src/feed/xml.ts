import { stripXmlInvalid } from '../core/text'

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text for XML element content or an attribute value: escaped, and only characters XML 1.0 allows. */
export function xmlText(text: string): string {
  return stripXmlInvalid(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
}
