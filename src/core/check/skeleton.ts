import unhomoglyph from 'unhomoglyph'

const COMBINING_MARKS = /\p{M}/gu

/**
 * A string's UTS #39 skeleton (confusables.txt mapping, through unhomoglyph), taken after
 * lowercasing and NFD with combining marks dropped, so that "jеmfix" (Cyrillic е),
 * "jemfíx" and "jernfix" (rn for m) all share the skeleton of "jemfix".
 * Only for comparing; never shown.
 */
export function skeleton(text: string): string {
  return unhomoglyph(text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, ''))
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
}
