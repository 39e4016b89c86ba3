// Wrangler bundles *.bin files as Data modules: their bytes, not code to parse.
declare module '*.bin' {
  const bytes: ArrayBuffer
  export default bytes
}
