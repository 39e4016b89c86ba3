import { describe, expect, it } from 'vitest'
import { alertLister, listSearch, PAGE_SIZE, pageOf, parseListQuery } from '../../src/core/browse'
import { fictionalAlert, fictionalCatalog, secondFictionalAlert } from '../support/fixtures'

const exists = (slug: string) => slug === 'exempelbolaget'

describe('list query', () => {
  it('reads channel, company and page', () => {
    expect(
      parseListQuery({ channel: ['sms'], company: ['exempelbolaget'], page: ['2'] }, exists),
    ).toEqual({ ok: true, filter: { channel: 'sms', company: 'exempelbolaget' }, page: 2 })
  })

  it('reads the same value spelled another way as that value', () => {
    expect(
      parseListQuery({ channel: [' SMS '], company: ['ExempelBolaget'], page: ['02'] }, exists),
    ).toEqual({ ok: true, filter: { channel: 'sms', company: 'exempelbolaget' }, page: 2 })
  })

  it('treats the empty "all" values of a GET form as no filter, and ignores other parameters', () => {
    expect(
      parseListQuery({ channel: [''], company: [''], page: [''], utm_source: ['x'] }, exists),
    ).toEqual({ ok: true, filter: {}, page: 1 })
  })

  it.each([
    [{ channel: ['fax'] }, 'channel', 'invalid'],
    [{ channel: ['sms', 'email'] }, 'channel', 'repeated'],
    [{ company: ['Nope Nope'] }, 'company', 'invalid'],
    [{ company: ['nobody'] }, 'company', 'unknown'],
    [{ page: ['0'] }, 'page', 'invalid'],
    [{ page: ['000'] }, 'page', 'invalid'],
    [{ page: ['-1'] }, 'page', 'invalid'],
    [{ page: ['1.5'] }, 'page', 'invalid'],
    [{ page: ['abc'] }, 'page', 'invalid'],
    [{ page: ['9999999'] }, 'page', 'invalid'],
    [{ page: ['1', '2'] }, 'page', 'repeated'],
  ])('refuses %j, naming %s as %s', (query, field, problem) => {
    expect(parseListQuery(query, exists)).toMatchObject({ ok: false, field, problem })
  })

  it('has one spelling per list: fixed order, no page 1, no empty values', () => {
    expect(listSearch({})).toBe('')
    expect(listSearch({}, 1)).toBe('')
    expect(listSearch({ company: 'x', channel: 'sms' }, 3)).toBe('?channel=sms&company=x&page=3')
  })
})

describe('lists of warnings', () => {
  const catalog = fictionalCatalog(
    fictionalAlert(),
    fictionalAlert({
      id: 'exempelbolaget-2026-05-01',
      published: '2026-05-01',
      channels: ['email', 'phone'],
      official: undefined,
    }),
    secondFictionalAlert(),
  )
  const list = alertLister(catalog)

  it('filters by channel, company and both, newest first', () => {
    const ids = (filter: Parameters<typeof list>[0]) => list(filter).map((a) => a.id)
    expect(ids({})).toEqual([
      'exempelbolaget-2026-05-01',
      'provbutiken-2026-04-10',
      'exempelbolaget-2026-03-01',
    ])
    expect(ids({ channel: 'email' })).toEqual([
      'exempelbolaget-2026-05-01',
      'provbutiken-2026-04-10',
    ])
    expect(ids({ company: 'exempelbolaget' })).toEqual([
      'exempelbolaget-2026-05-01',
      'exempelbolaget-2026-03-01',
    ])
    expect(ids({ company: 'exempelbolaget', channel: 'sms' })).toEqual([
      'exempelbolaget-2026-03-01',
    ])
    expect(ids({ channel: 'letter' })).toEqual([])
  })

  it('pages 20 at a time; page 1 exists even when empty, past the last does not', () => {
    const alerts = Array.from({ length: 45 }, (_, i) => ({ id: `a${i}` })) as never[]
    expect(PAGE_SIZE).toBe(20)
    expect(pageOf(alerts, 1)).toMatchObject({
      page: 1,
      pageCount: 3,
      total: 45,
      first: 1,
      last: 20,
    })
    expect(pageOf(alerts, 3)).toMatchObject({ first: 41, last: 45 })
    expect(pageOf(alerts, 3)?.alerts).toHaveLength(5)
    expect(pageOf(alerts, 4)).toBeNull()
    expect(pageOf([], 1)).toMatchObject({ pageCount: 1, total: 0, first: 0, last: 0 })
    expect(pageOf([], 2)).toBeNull()
  })
})
