import { parse } from 'tldts'
import { describe, expect, it } from 'vitest'
import {
  HOSTING_SUFFIXES,
  hostedSite,
  isSharedHost,
  isUnderPath,
  sharedSiteOf,
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

  it('gives the part of a shared host a website owns', () => {
    expect(sharedSiteOf(new URL('https://sites.google.com/view/Exempel/'))).toEqual({
      host: 'sites.google.com',
      path: '/view/exempel',
    })
    expect(sharedSiteOf(new URL('https://www.facebook.com/exempel'))).toEqual({
      host: 'facebook.com',
      path: '/exempel',
    })
    expect(sharedSiteOf(new URL('https://jemfix.com/kontakt'))).toBeNull()
    expect(sharedSiteOf(new URL('https://www.facebook.com/'))).toBeNull()
  })

  it('takes a page under the path, not a path that only starts the same', () => {
    expect(isUnderPath('/view/exempel/kontakt', '/view/exempel')).toBe(true)
    expect(isUnderPath('/View/Exempel', '/view/exempel')).toBe(true)
    expect(isUnderPath('/view/exempel-kampanj', '/view/exempel')).toBe(false)
  })
})
