declare module 'punycode.js' {
  const punycode: {
    /** Converts a punycode (xn--) domain name to Unicode. */
    toUnicode(domain: string): string
    /** Converts a Unicode domain name to punycode (xn--), without any other mapping. */
    toASCII(domain: string): string
  }
  export default punycode
}
