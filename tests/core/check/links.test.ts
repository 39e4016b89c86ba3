import { describe, expect, it } from 'vitest'
import { browserHref, hostTypeOf, readLink, readTarget } from '../../../src/core/check/links'

describe('readLink', () => {
  it.each([
    ['https://jemfix.com/x', 'url', 'jemfix.com', 'name'],
    ['HXXPS://JEMFIX.COM./x', 'url', 'jemfix.com', 'name'],
    ['hxxps://evil[.]example/x', 'url', 'evil.example', 'name'],
    ['jemfix.com', 'domain', 'jemfix.com', 'name'],
    ['www.jemfix.com', 'domain', 'www.jemfix.com', 'name'],
    ['jemfix.com/kontakt', 'url', 'jemfix.com', 'name'],
    ['jemfix.com:443/x', 'url', 'jemfix.com', 'name'],
    ['jеmfix.com', 'domain', 'xn--jmfix-zwe.com', 'name'],
    ['gov.uk', 'domain', 'gov.uk', 'name'],
    ['a.example', 'domain', 'a.example', 'name'],
    ['a.test/x', 'url', 'a.test', 'name'],
    ['http://2130706433/', 'url', '127.0.0.1', 'ipv4'],
    ['http://0x7f.1/', 'url', '127.0.0.1', 'ipv4'],
    ['http://[::1]/', 'url', '[::1]', 'ipv6'],
    ['185.0.2.7/login', 'url', '185.0.2.7', 'ipv4'],
    ['http://localhost/', 'url', 'localhost', 'single-label'],
    ['https://jemfix.kundservice/', 'url', 'jemfix.kundservice', 'unlisted-suffix'],
    [`https://${'a'.repeat(64)}.example/`, 'url', `${'a'.repeat(64)}.example`, 'too-long'],
  ])('reads %s as a %s on %s (%s)', (text, kind, host, type) => {
    expect(readLink(text)).toMatchObject({ kind, host: { name: host, type } })
  })

  it.each([
    ['jemfix。com', 'domain'],
    ['https://jemfix．com/', 'url'],
    ['jemfix｡com/x', 'url'],
  ])('reads %s with the dots a browser sees, and says how it was written', (text, kind) => {
    expect(readLink(text)).toMatchObject({ kind, host: { name: 'jemfix.com', unicodeDots: true } })
  })

  it('keeps what comes before @ as the userinfo the browser ignores', () => {
    expect(readLink('https://jemfix.com@evil.example/')).toMatchObject({
      host: { name: 'evil.example' },
      userinfo: 'jemfix.com',
    })
  })

  it.each([
    ['a time', '14.30'],
    ['a price', '249.90'],
    ['a bare dotted quad', '192.0.2.1'],
    ['a file name', 'faktura.pdf'],
    ['an abbreviation', 't.ex'],
    ['a word with a colon', 'Ordernummer:'],
    ['a scheme that is no web link', 'javascript:alert(1)'],
    ['a scheme without //', 'https:jemfix.com'],
    ['a sentence without a space after the full stop', 'slut.Nästa'],
  ])('does not read %s (%s) as a link', (_case, text) => {
    expect(readLink(text)).toBeNull()
  })
})

describe('readTarget', () => {
  it.each([
    'http:evil.example/order',
    'http:/evil.example/order',
    'https:\\\\evil.example/order',
    '//evil.example/order',
    '\\\\evil.example/order',
    'hxxps:evil[.]example/order',
    browserHref(' \u0001ht\ttps://evil.example/order\n '),
  ])('reads %s as a browser does, on evil.example', (href) => {
    expect(readTarget(href)).toMatchObject({ kind: 'url', host: { name: 'evil.example' } })
  })

  it('reads anything else as readLink does', () => {
    expect(readTarget('evil.example')).toMatchObject({ kind: 'domain' })
    expect(readTarget('javascript:alert(1)')).toBeNull()
  })
})

describe('hostTypeOf', () => {
  it.each([
    ['jemfix.com', 'name'],
    ['1.2.3.4', 'ipv4'],
    ['[::1]', 'ipv6'],
    ['intranet', 'single-label'],
    ['jemfix.local', 'unlisted-suffix'],
    [`${'a.'.repeat(127)}com`, 'too-long'],
  ])('%s is %s', (host, type) => {
    expect(hostTypeOf(host)).toBe(type)
  })
})
