const CONJUNCTIONS = new Set(['och', 'o', 'and', 'n', '+', '&'])

/**
 * Words of a name or message as compared for company names: lowercase, NFKC, and "och",
 * "o", "and", "+" all read as "&", so "jem och fix", "Jem o Fix" and "JEM&FIX" agree.
 */
export function nameTokens(text: string): string[] {
  const tokens =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+|[&+]/gu) ?? []
  return tokens.map((t) => (CONJUNCTIONS.has(t) ? '&' : t))
}

/** Brand words a name yields for domain and handle matching: "jem & fix" → jemfix, jemofix, jemochfix. */
export function compactNames(name: string): string[] {
  const tokens = nameTokens(name)
  const joined = (glue: string) => tokens.map((t) => (t === '&' ? glue : t)).join('')
  return [...new Set([joined(''), joined('o'), joined('och')])].filter((s) => s.length >= 4)
}
