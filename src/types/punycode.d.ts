declare module 'punycode.js' {
  const punycode: {
    /** Converts a punycode (xn--) domain name to Unicode. */
    toUnicode(domain: string): string
  }
  export default punycode
}
