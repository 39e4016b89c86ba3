import { genitive } from '../swedish'
import { withoutQuoteMark } from './companies'
import { ADVICE, ATTRIBUTION, IMPERATIVE_OPENING } from './signals'

/** Longest tip the record schema takes. */
export const MAX_TIP_LENGTH = 400

/** True for a sentence that gives the reader advice: "Man bör alltid …", "Ring aldrig …". */
export function isAdvice(sentence: string): boolean {
  const text = withoutQuoteMark(sentence)
  return ADVICE.test(text) || IMPERATIVE_OPENING.test(text)
}

const word = (source: string) =>
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}])`, 'gu')

/**
 * A sentence of the article as a tip on the site, where "vi" and "företaget" would read as
 * the site itself: without the quote's dash and its attribution (", uppger företaget"), the
 * company named where the article says vi, oss, vår, deras (first word) or företaget, and its
 * name spelled the way the record spells it.
 */
export function tipFrom(sentence: string, name: string, mention: RegExp): string {
  const owner = genitive(name)
  let tip = withoutQuoteMark(sentence).replace(ATTRIBUTION, '$1')
  tip = tip.replace(mention, (match: string, written: string) => name + match.slice(written.length))
  tip = tip
    .replace(/^(?:Deras|Vår|Vårt|Våra)(?![\p{L}\p{N}])/u, owner)
    .replace(/^Vi(?![\p{L}\p{N}])/u, name)
    .replace(word('(?:vår|vårt|våra|företagets|bolagets|Företagets|Bolagets)'), owner)
    .replace(word('(?:vi|oss|företaget|bolaget|Företaget|Bolaget)'), name)
  if (!tip.startsWith(name)) tip = tip.charAt(0).toLocaleUpperCase('sv') + tip.slice(1)
  return /[.!?]$/.test(tip) ? tip : `${tip}.`
}
