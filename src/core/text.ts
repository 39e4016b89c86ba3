// XML 1.0 forbids these code points; the rss package writes them through raw and breaks the feed.
const FORBIDDEN_IN_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Removes characters that are not allowed in XML 1.0 documents. */
export function stripXmlInvalid(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, '')
}
