import type { Phone, Provenance, ProvenanceField, ReviewItem, SocialAccount } from '../alert-schema'
import type { CompanyFound } from './companies'
import { cut, MAX_REASON, MAX_SENTENCE, MAX_VALUE, type Placement, quoted } from './placement'
import { MAX_TIP_LENGTH } from './tips'

/** Collects one company's draft: values once each, their evidence, and what to review. */
export class DraftBuilder {
  readonly websites: string[] = []
  readonly emailDomains: string[] = []
  readonly phones: Phone[] = []
  readonly social: SocialAccount[] = []
  readonly fakes: { value: string }[] = []
  readonly tips: string[] = []
  readonly provenance: Provenance[] = []
  readonly review: ReviewItem[] = []
  private readonly seen = new Set<string>()

  constructor(readonly company: CompanyFound) {}

  evidence(field: ProvenanceField, value: string, sentence: string) {
    this.provenance.push({ field, value, sentence: cut(sentence, MAX_SENTENCE) })
  }

  ask({ field, value, reason }: ReviewItem) {
    const key = `review\u0000${field}\u0000${value}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.review.push({
      field,
      ...(value === undefined ? {} : { value: cut(value, MAX_VALUE) }),
      reason: cut(reason, MAX_REASON),
    })
  }

  /** A value too long for a record is no contact anyone should type in; an editor decides. */
  private tooLong(field: string, value: string, sentence: string): boolean {
    if (value.length <= MAX_VALUE) return false
    this.ask({
      field,
      value,
      reason: `${value.length} characters, too long for a record: ${quoted(sentence)}`,
    })
    return true
  }

  place(placement: Placement, sentence: string) {
    if ('review' in placement) {
      this.ask(placement.review)
      return
    }
    if (this.tooLong(placement.field, placement.value, sentence)) return
    // Accounts and hosts are the same whatever their case: count them once.
    const key = `${placement.field}\u0000${placement.value.toLowerCase()}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    if (placement.field === 'official.websites') this.websites.push(placement.value)
    if (placement.field === 'official.emailDomains') this.emailDomains.push(placement.value)
    if (placement.field === 'official.phones') this.phones.push(placement.phone)
    if (placement.field === 'official.social') this.social.push(placement.account)
    this.evidence(placement.field, placement.value, sentence)
  }

  fake(value: string, sentence: string) {
    if (this.tooLong('reportedFakes', value, sentence)) return
    const key = `reportedFakes\u0000${value}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.fakes.push({ value })
    this.evidence('reportedFakes', value, sentence)
  }

  tip(tip: string) {
    if (tip.length > MAX_TIP_LENGTH) {
      this.ask({
        field: 'tips',
        reason: `a tip longer than ${MAX_TIP_LENGTH} characters was left out: ${quoted(tip)}`,
      })
    } else if (!this.tips.includes(tip)) {
      this.tips.push(tip)
    }
  }
}
