import { unhomoglyph } from './confusables'
import { LATIN_LOOKALIKES } from './latin-letters'

const COMBINING_MARKS = /\p{M}/gu
// Anything but printable ASCII: the letters that may need folding.
const NON_ASCII = /[^ -~]/gu

function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '')
}

/**
 * A string's visual skeleton: lowercased, combining marks dropped, Latin-extended and IPA
 * look-alike letters read as the ASCII letter they imitate, then the UTS #39 skeleton
 * (confusables.txt through unhomoglyph). "jеmfix" (Cyrillic е), "jemfíx", "ʝeᴍfix" and
 * "jernfix" (rn for m) all share the skeleton of "jemfix". Only for comparing; never shown.
 */
export function skeleton(text: string): string {
  // UTS #39 maps some letters to Latin-extended ones (Cyrillic т to ᴛ), so fold on both sides.
  const once = confusables(text)
  return /[^ -~]/u.test(once) ? confusables(once) : once
}

function confusables(text: string): string {
  const folded = withoutMarks(text.toLowerCase()).replace(
    NON_ASCII,
    (letter) => LATIN_LOOKALIKES.get(letter) ?? letter,
  )
  return withoutMarks(unhomoglyph(folded)).toLowerCase()
}
