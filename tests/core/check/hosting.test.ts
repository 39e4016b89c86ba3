import { parse } from 'tldts'
import { describe, expect, it } from 'vitest'
import {
  HOSTING_SUFFIXES,
  hostedSite,
  isOnPage,
  isSharedHost,
  linkPageOf,
  type OfficialPage,
  officialPageOf,
  pageHostOf,
} from '../../../src/core/check/hosting'

// Site builders the public suffix list does not hold; every other service must be in its
// private section, so that the list stays the source of truth.
const OUTSIDE_THE_LIST = new Set([
  'wordpress.com',
  'weebly.com',
  '000webhostapp.com',
  'godaddysites.com',
  'jimdosite.com',
  'jimdofree.com',
  'mystrikingly.com',
  'site123.me',
  'business.site',
  'webnode.page',
  'tilda.ws',
  'neocities.org',
  'tumblr.com',
  'glitch.me',
])

describe('hosting services', () => {
  it.each(HOSTING_SUFFIXES.filter((s) => !OUTSIDE_THE_LIST.has(s)).map((s) => [s]))(
    '%s is in the private section of the public suffix list',
    (suffix) => {
      expect(parse(`site.${suffix}`, { allowPrivateDomains: true })).toMatchObject({
        isPrivate: true,
        publicSuffix: suffix,
      })
    },
  )

  it.each([
    ['jemfix.web.app', '/', 'Firebase (Google)', ['jemfix']],
    ['a.jemfix-kundservice.netlify.app', '/', 'Netlify', ['a', 'jemfix-kundservice']],
    ['kampanj.wixsite.com', '/jemfix/start', 'Wix', ['kampanj', 'jemfix']],
    [
      'sites.google.com',
      '/view/jemfix-kundtjanst/hem',
      'Google Sites',
      ['view', 'jemfix-kundtjanst', 'hem'],
    ],
    ['jemfix.wordpress.com', '/', 'WordPress.com', ['jemfix']],
    ['jemfix.com.se', '/', null, ['jemfix']],
  ])('%s%s is on %s, with %j chosen by its owner', (host, path, service, chosen) => {
    expect(hostedSite(host, path)).toMatchObject({ service, chosen })
  })

  it.each(['jemfix.com', 'google.com', 'mail.google.com', 'example.com'])(
    '%s is no hosted site',
    (host) => {
      expect(hostedSite(host, '/')).toBeNull()
    },
  )
})

describe('shared hosts', () => {
  it.each([
    'sites.google.com',
    'www.facebook.com',
    'm.facebook.com',
    'instagram.com',
    'github.com',
  ])('%s is a host where anyone publishes under a path', (host) => {
    expect(isSharedHost(host)).toBe(true)
  })

  it.each(['jemfix.com', 'google.com', 'mail.google.com', 'notfacebook.com'])(
    '%s is not',
    (host) => {
      expect(isSharedHost(host)).toBe(false)
    },
  )

  it('gives the page a website written with a path owns, on any host', () => {
    expect(officialPageOf(new URL('https://sites.google.com/view/Exempel/'))).toEqual({
      host: 'sites.google.com',
      path: '/view/exempel',
      query: '',
    })
    expect(officialPageOf(new URL('https://www.facebook.com/exempel'))).toEqual({
      host: 'facebook.com',
      path: '/exempel',
      query: '',
    })
    expect(officialPageOf(new URL('https://exempel.example/kontakt'))).toEqual({
      host: 'exempel.example',
      path: '/kontakt',
      query: '',
    })
    expect(
      officialPageOf(new URL('https://play.google.com/store/apps/details?id=se.exempel.app')),
    ).toEqual({
      host: 'play.google.com',
      path: '/store/apps/details',
      query: '?id=se.exempel.app',
    })
    // Written as a bare host: the whole host, as before.
    expect(officialPageOf(new URL('https://exempel.example/'))).toBeNull()
    expect(officialPageOf(new URL('https://www.facebook.com/'))).toBeNull()
    expect(officialPageOf(new URL('https://exempel.example/#kontakt'))).toBeNull()
  })
})

// FICTION: the page names are made up; the hosts are real services anyone publishes on.
describe('one page spelled another way', () => {
  const page = (website: string): OfficialPage => officialPageOf(new URL(website))!
  const on = (link: string, website: string) => {
    const url = new URL(link)
    const target = page(website)
    const linkPage = linkPageOf(url.pathname, url.search)
    return pageHostOf(url.hostname) === target.host && !!linkPage && isOnPage(linkPage, target)
  }

  it.each([
    ['https://SITES.Google.COM/view/exempel', 'host case'],
    ['https://sites.google.com./view/exempel', 'a final dot'],
    ['https://sites.google.com:443/view/exempel', 'the default port'],
    ['https://sites.google.com/view/exempel/', 'a trailing slash'],
    ['https://sites.google.com/view//exempel', 'an empty segment'],
    ['https://sites.google.com/view/./exempel', 'a dot segment'],
    ['https://sites.google.com/view/x/../exempel', 'a dot-dot segment'],
    ['https://sites.google.com/view/%65xempel', 'an encoded letter'],
    ['https://sites.google.com/View/Exempel', 'path case'],
    ['https://sites.google.com/view/exempel/kontakt', 'a page under it'],
    ['https://sites.google.com/view/exempel?hl=sv#top', 'a query and a fragment'],
  ])('%s is the page (%s)', (link) => {
    expect(on(link, 'https://sites.google.com/view/exempel')).toBe(true)
  })

  it.each([
    ['https://sites.google.com/view/exempel-kampanj', 'a longer name'],
    ['https://sites.google.com/view/exempel%2Fkampanj', 'an encoded slash'],
    ['https://sites.google.com/view/exempel/%252e%252e/kampanj', 'a twice-encoded dot-dot'],
    ['https://sites.google.com/view/exempel/..%2Fkampanj', 'dot-dot before an encoded slash'],
    ['https://sites.google.com/view', 'the page above it'],
    ['https://sites.google.com/exempel', 'another path'],
    ['https://evil.sites.google.com/view/exempel', 'another subdomain'],
  ])('%s is not (%s)', (link) => {
    expect(on(link, 'https://sites.google.com/view/exempel')).toBe(false)
  })

  it('takes www. and m. as the same host, no other subdomain', () => {
    expect(pageHostOf('m.facebook.com')).toBe('facebook.com')
    expect(pageHostOf('WWW.Facebook.com.')).toBe('facebook.com')
    expect(pageHostOf('exempel.tumblr.com')).toBe('exempel.tumblr.com')
    // On a site builder whose subdomains are its customers' sites, m. may be one of them.
    expect(pageHostOf('m.tumblr.com')).toBe('m.tumblr.com')
    expect(pageHostOf('www.tumblr.com')).toBe('tumblr.com')
    // Nothing left to strip down to: www.se is its own host.
    expect(pageHostOf('www.se')).toBe('www.se')
  })

  it('matches a page written with a query by the same values, in full', () => {
    const app = 'https://play.google.com/store/apps/details?id=se.exempel.app'
    expect(on('https://play.google.com/store/apps/details?id=se.exempel.app&hl=sv', app)).toBe(true)
    expect(on('https://play.google.com/store/apps/details?hl=sv&id=se.exempel%2Eapp', app)).toBe(
      true,
    )
    expect(on('https://play.google.com/store/apps/details?id=se.exempel.app2', app)).toBe(false)
    expect(on('https://play.google.com/store/apps/details?id=SE.Exempel.App', app)).toBe(false)
    expect(on('https://play.google.com/store/apps/details', app)).toBe(false)
    // A page written with a query is that one path, nothing under it.
    expect(on('https://play.google.com/store/apps/details/x?id=se.exempel.app', app)).toBe(false)
    expect(
      on('https://play.google.com/store/apps/details?id=se.exempel.app&id=com.evil', app),
    ).toBe(false)
    expect(
      on('https://play.google.com/store/apps/details?id=com.evil&id=se.exempel.app', app),
    ).toBe(false)
    expect(on('https://play.google.com/store/apps/details?ID=se.exempel.app', app)).toBe(false)
  })
})
