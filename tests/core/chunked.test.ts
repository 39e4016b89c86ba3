import { describe, expect, it } from 'vitest'
import { chunked } from '../../src/core/chunked'

describe('chunked', () => {
  it('cuts items into chunks of the size, in order, the last one shorter', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunked([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect(chunked([], 3)).toEqual([])
  })
})
