import {
  ConfirmationMailHtml,
  confirmationMailText,
  confirmationSubject,
} from '../../templates/mail/confirmation-mail'
import { DigestMailHtml, digestMailText, digestSubject } from '../../templates/mail/digest-mail'
import type { Alert } from '../core/alert-schema'
import type { MailMessage } from './mailer'

/** Where links in mail point, and the List-Id derived from the site's host. */
export interface MailContext {
  publicUrl: string
}

function host(publicUrl: string): string {
  return new URL(publicUrl).hostname
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/unsubscribe?token=${token}`
}

async function html(page: { toString(): string | Promise<string> }): Promise<string> {
  return `<!doctype html>${await page.toString()}`
}

export async function confirmationMail(
  ctx: MailContext,
  to: string,
  confirmToken: string,
  unsubscribeToken: string,
  companyNames: string[],
  now: Date,
): Promise<MailMessage> {
  const props = {
    confirmUrl: `${ctx.publicUrl}/confirm?token=${confirmToken}`,
    unsubscribeUrl: unsubscribeUrl(ctx.publicUrl, unsubscribeToken),
    companyNames,
  }
  return {
    to,
    subject: confirmationSubject,
    text: confirmationMailText(props),
    html: await html(<ConfirmationMailHtml {...props} />),
    messageId: `<confirm.${confirmToken.slice(0, 16)}@${host(ctx.publicUrl)}>`,
    date: now,
    listId: `alerts.${host(ctx.publicUrl)}`,
    unsubscribeUrl: props.unsubscribeUrl,
  }
}

/** A subscriber's digest. Its Message-ID is fixed by run and subscriber, so a retry reuses it. */
export async function digestMail(
  ctx: MailContext,
  to: string,
  alerts: readonly Alert[],
  unsubscribeToken: string,
  runId: string,
  subscriberId: number,
  now: Date,
): Promise<MailMessage> {
  const props = {
    alerts,
    publicUrl: ctx.publicUrl,
    unsubscribeUrl: unsubscribeUrl(ctx.publicUrl, unsubscribeToken),
  }
  return {
    to,
    subject: digestSubject(alerts),
    text: digestMailText(props),
    html: await html(<DigestMailHtml {...props} />),
    messageId: `<digest.${runId}.${subscriberId}@${host(ctx.publicUrl)}>`,
    date: now,
    listId: `alerts.${host(ctx.publicUrl)}`,
    unsubscribeUrl: props.unsubscribeUrl,
  }
}
