/**
 * The Swedish genitive of a name: "Provbutiken" → "Provbutikens", "Lars" → "Lars".
 * A colon keeps names whose spelling an s would disturb intact: abbreviations and names
 * ending in a digit or sign ("SJ:s", "Tele2:s"), and names written with signs or in
 * lowercase on purpose ("jem & fix:s", "H&M:s").
 */
export function genitive(name: string): string {
  const trimmed = name.trim()
  const lastWord = trimmed.split(/\s+/).at(-1) ?? ''
  const endsInLetter = /\p{L}$/u.test(trimmed)
  const isAbbreviation = /\p{Lu}$/u.test(lastWord) && lastWord === lastWord.toLocaleUpperCase('sv')
  const hasSigns = /[^\p{L}\p{N}\s.'-]/u.test(trimmed)
  const startsLowercase = /^\p{Ll}/u.test(trimmed)
  if (!endsInLetter || isAbbreviation || hasSigns || startsLowercase) return `${trimmed}:s`
  return /[sxz]$/i.test(trimmed) ? trimmed : `${trimmed}s`
}
