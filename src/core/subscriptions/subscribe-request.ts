import { z } from 'zod'
import type { Catalog } from '../catalog'
import { MailboxSchema } from './mailbox'

/** Company slugs a subscription may name, checked against the catalog it is served with. */
function companyChoice(catalog: Catalog) {
  return z
    .array(z.string().max(80), { error: 'must be a list of company slugs' })
    .max(200)
    .superRefine((slugs, ctx) => {
      const unknown = slugs.find((slug) => !catalog.companies.has(slug))
      if (unknown) ctx.addIssue({ code: 'custom', message: `no company with slug "${unknown}"` })
    })
    .transform((slugs) => [...new Set(slugs)])
}

/** `POST /api/subscriptions`: `{"email": "...", "companies": ["slug"]}`. */
export function subscribeJsonSchema(catalog: Catalog) {
  return z.object({ email: MailboxSchema, companies: companyChoice(catalog).optional() })
}

/** The HTML form: one `email` field, `companies` once per checked box (a string or a list). */
export function subscribeFormSchema(catalog: Catalog) {
  return z.object({
    email: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
      .trim()
      .pipe(MailboxSchema),
    companies: z
      .union([z.string().transform((slug) => [slug]), z.array(z.string())])
      .pipe(companyChoice(catalog))
      .optional(),
  })
}

export type SubscribeRequest = z.infer<ReturnType<typeof subscribeJsonSchema>>
