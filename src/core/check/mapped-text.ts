/**
 * A text derived from what was written (HTML laid out, digits read as ASCII), with offsets
 * mapped both ways, so that what is found in it points into what was written.
 */
export interface MappedText {
  text: string
  /** The offset in what was written of an offset in `text`. */
  writtenAt(at: number): number
  /**
   * The offset in `text` where what was written at `at` is laid out (for an offset inside a
   * replaced stretch, where its replacement starts).
   */
  mappedAt(at: number): number
}

/**
 * Builds a MappedText from left to right in one pass over what was written: each stretch is
 * kept as written or replaced (by a shorter text: a tag by nothing, &#64; by @).
 */
export class MappedTextBuilder {
  private readonly parts: string[] = []
  private readonly toWritten: Int32Array
  private readonly toMapped: Int32Array
  private length = 0

  constructor(private readonly written: string) {
    this.toWritten = new Int32Array(written.length + 1)
    this.toMapped = new Int32Array(written.length + 1)
  }

  /** Keeps written[from, to) as it is. */
  keep(from: number, to: number): void {
    for (let j = from; j < to; j++) {
      this.toMapped[j] = this.length + j - from
      this.toWritten[this.length + j - from] = j
    }
    this.parts.push(this.written.slice(from, to))
    this.length += to - from
  }

  /** Writes `shown` (no longer than the stretch) in place of written[from, to). */
  replace(from: number, to: number, shown: string): void {
    this.toMapped.fill(this.length, from, to)
    this.toWritten.fill(from, this.length, this.length + shown.length)
    this.parts.push(shown)
    this.length += shown.length
  }

  build(): MappedText {
    const { toWritten, toMapped } = this
    toMapped[this.written.length] = this.length
    toWritten[this.length] = this.written.length
    return {
      text: this.parts.join(''),
      writtenAt: (at) => toWritten[at]!,
      mappedAt: (at) => toMapped[at]!,
    }
  }
}
