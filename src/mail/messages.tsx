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

/** The host part of Message-IDs and List-Id: the site's own name. */
export function mailHost(publicUrl: string): string {
  return host(publicUrl)
}

/** A confirmation mail's Message-ID: fixed by its outbox row, and free of any token material. */
export function confirmationMessageId(outboxId: number, createdAt: string, publicUrl: string) {
  return `<confirm.${outboxId}.${compactStamp(createdAt)}@${host(publicUrl)}>`
}

/**
 * A digest's Message-ID is a function of the delivery (run and subscriber) alone, so every
 * attempt of it, by this run or by the run that adopts it after a crash, carries the same one.
 */
export function digestMessageId(runId: string, subscriberId: number, publicUrl: string) {
  return `<digest.${runId}.${subscriberId}@${host(publicUrl)}>`
}

const compactStamp = (iso: string) => iso.replace(/[-:.]/g, '')

export interface ConfirmationMailInput {
  to: string
  confirmToken: string
  unsubscribeToken: string
  companyNames: string[]
  messageId: string
  date: Date
}

export async function confirmationMail(
  ctx: MailContext,
  input: ConfirmationMailInput,
): Promise<MailMessage> {
  const props = {
    confirmUrl: `${ctx.publicUrl}/confirm?token=${input.confirmToken}`,
    unsubscribeUrl: unsubscribeUrl(ctx.publicUrl, input.unsubscribeToken),
    companyNames: input.companyNames,
  }
  return {
    to: input.to,
    subject: confirmationSubject,
    text: confirmationMailText(props),
    html: await html(<ConfirmationMailHtml {...props} />),
    messageId: input.messageId,
    date: input.date,
    listId: `alerts.${host(ctx.publicUrl)}`,
    unsubscribeUrl: props.unsubscribeUrl,
  }
}

export interface DigestMailInput {
  to: string
  alerts: readonly Alert[]
  unsubscribeToken: string
  messageId: string
  date: Date
}

/** A subscriber's digest. */
export async function digestMail(ctx: MailContext, input: DigestMailInput): Promise<MailMessage> {
  const props = {
    alerts: input.alerts,
    publicUrl: ctx.publicUrl,
    unsubscribeUrl: unsubscribeUrl(ctx.publicUrl, input.unsubscribeToken),
  }
  return {
    to: input.to,
    subject: digestSubject(input.alerts),
    text: digestMailText(props),
    html: await html(<DigestMailHtml {...props} />),
    messageId: input.messageId,
    date: input.date,
    listId: `alerts.${host(ctx.publicUrl)}`,
    unsubscribeUrl: props.unsubscribeUrl,
  }
}

/** Distinct warning lists a renderer keeps; a run meets few (subscribers differ by company and cursor). */
const RENDERED_LISTS = 64

/**
 * Digest mails for many subscribers, each list of warnings rendered once: subscribers with the
 * same warnings get the same text and HTML, with their own unsubscribe link put in. The link
 * is rendered with a random marker that no warning can contain, then split there, so the
 * token goes in exactly where the template escaped the marker (a token is URL-safe base64,
 * which HTML escaping leaves as it is).
 */
export function createDigestRenderer(ctx: MailContext) {
  const marker = `unsubscribe-${crypto.randomUUID()}`
  const rendered = new Map<string, Promise<MailMessage>>()
  const renderList = (alerts: readonly Alert[]) => {
    const key = alerts.map((a) => a.id).join('\n')
    let mail = rendered.get(key)
    if (!mail) {
      if (rendered.size >= RENDERED_LISTS) rendered.clear()
      mail = digestMail(ctx, {
        to: '',
        alerts,
        unsubscribeToken: marker,
        messageId: '',
        date: new Date(0),
      })
      rendered.set(key, mail)
    }
    return mail
  }
  return async (input: DigestMailInput): Promise<MailMessage> => {
    const mail = await renderList(input.alerts)
    const fill = (text: string) => text.split(marker).join(input.unsubscribeToken)
    return {
      ...mail,
      to: input.to,
      text: fill(mail.text),
      html: fill(mail.html),
      messageId: input.messageId,
      date: input.date,
      unsubscribeUrl: fill(mail.unsubscribeUrl),
    }
  }
}
