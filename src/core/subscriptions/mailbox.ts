import { z } from 'zod'

/**
 * Exactly one mailbox. Commas, semicolons, angle brackets, whitespace and line breaks are
 * refused outright: nodemailer reads "a@x.se, b@y.se" as two recipients, and CR/LF could
 * inject headers. RFC 5321 caps a path at 254 characters.
 */
export const MailboxSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .max(254, 'must be at most 254 characters')
  .refine(
    (value) => !/[,;<>\s"()[\]\\]/.test(value),
    'must be exactly one address, without commas, semicolons, brackets or spaces',
  )
  .pipe(z.email({ error: 'is not a valid e-mail address' }))
  .transform((value) => {
    const at = value.lastIndexOf('@')
    return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`
  })
