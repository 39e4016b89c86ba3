import { describe, expect, it } from 'vitest'
import { isLoopbackUrl } from '../src/node-settings'

// ATTACK (issue 10, finding 10: `npm run digest` refuses links to this machine): the same
// loopback address spelled another way. Every one of these resolves to this machine.
describe('isLoopbackUrl with other spellings of this machine', () => {
  it.each([
    'http://localhost.:8787',
    'http://foo.localhost./',
    'http://localhost.localdomain./',
    'http://[::ffff:127.0.0.1]:8787',
    'http://[::]:8787',
  ])('%s is loopback', (url) => {
    expect(isLoopbackUrl(url)).toBe(true)
  })
})
