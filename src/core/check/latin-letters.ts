/**
 * Latin-extended, IPA and phonetic letters that a reader takes for a plain ASCII letter but
 * that neither NFD (they carry no combining mark) nor the UTS #39 confusables table always
 * maps to it: ƈ, ɗ, ʝ, ĸ, ŋ, ʀ, ᴍ, ⱳ…
 *
 * Generated from the Unicode character names (Python 3.11 unicodedata, Unicode 14) of the
 * lowercase letters in Latin-1, Latin Extended-A to -E, IPA Extensions, Phonetic Extensions
 * and Latin Extended Additional named "LATIN … LETTER [SMALL CAPITAL] X [WITH …]", X a–z;
 * ſ (long s) is left to UTS #39, which reads it as f. EXTRA holds the letters dnstwist uses
 * whose names do not say which letter they imitate.
 */
const BY_LETTER: Record<string, string> = {
  a: 'àáâãäåāăąǎǟǡǻȁȃȧᴀᶏḁẚạảấầẩẫậắằẳẵặⱥ',
  b: 'ƀƃɓʙᵬᶀḃḅḇꞗ',
  c: 'çćĉċčƈȼɕᴄḉꞓꞔ',
  d: 'ďđƌȡɖɗᴅᵭᶁᶑḋḍḏḑḓꟈ',
  e: 'èéêëēĕėęěȅȇȩɇᴇᶒḕḗḙḛḝẹẻẽếềểễệⱸꬳꬴ',
  f: 'ƒᵮᶂḟꜰꞙ',
  g: 'ĝğġģǥǧǵɠɡɢʛᶃḡꞡꬶ',
  h: 'ĥħȟɦʜḣḥḧḩḫẖⱨꞕ',
  i: 'ìíîïĩīĭįıǐȉȋɨɪᶖḭḯỉị',
  j: 'ĵǰȷɉɟʄʝᴊ',
  k: 'ķƙǩᴋᶄḱḳḵⱪꝁꝃꝅꞣ',
  l: 'ĺļľŀłƚȴɫɬɭʟᴌᶅḷḹḻḽⱡꝉꞎꬷꬸꬹ',
  m: 'ɱᴍᵯᶆḿṁṃꬺ',
  n: 'ñńņňƞǹȵɲɳɴᵰᶇṅṇṉṋꞑꞥꬻ',
  o: 'òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱɵᴏṍṏṑṓọỏốồổỗộớờởỡợⱺꝋꝍ',
  p: 'ƥᴘᵱᵽᶈṕṗꝑꝓꝕ',
  q: 'ɋʠꝗꝙꞯ',
  r: 'ŕŗřȑȓɍɼɽɾʀᵲᵳᶉṙṛṝṟꞧꭆꭉꭋꭌ',
  s: 'śŝşšșȿʂᵴᶊṡṣṥṧṩẛẜẝꜱꞩꟊ',
  t: 'ţťŧƫƭțȶʈᴛᵵṫṭṯṱẗⱦ',
  u: 'ùúûüũūŭůűųưǔǖǘǚǜȕȗʉᴜᶙṳṵṷṹṻụủứừửữựꞹꭎꭒ',
  v: 'ʋᴠᶌṽṿⱱⱴꝟ',
  w: 'ŵᴡẁẃẅẇẉẘⱳ',
  x: 'ᶍẋẍꭖꭗꭘꭙ',
  y: 'ýÿŷƴȳɏʏẏẙỳỵỷỹỿꭚ',
  z: 'źżžƶȥɀʐʑᴢᵶᶎẑẓẕⱬ',
}

// dnstwist's glyph table: ə for a, ĸ for k, ŋ for n, ƿ for p, ƅ for b, ʒ for 3, ƻ for 2, ƽ for 5;
// and ʍ, which UTS #39 gives as the skeleton of Cyrillic м.
const EXTRA: Record<string, string> = {
  ʍ: 'm',
  ə: 'a',
  ǝ: 'a',
  ĸ: 'k',
  ŋ: 'n',
  ƿ: 'p',
  þ: 'p',
  ƅ: 'b',
  ʒ: '3',
  ȝ: '3',
  ƻ: '2',
  ƽ: '5',
}

/** Lowercase look-alike letter → the ASCII letter or digit it imitates. */
export const LATIN_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ...Object.entries(BY_LETTER).flatMap(([ascii, letters]) =>
    [...letters].map((letter) => [letter, ascii] as const),
  ),
  ...Object.entries(EXTRA),
])
