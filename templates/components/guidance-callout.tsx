import { GUIDANCE_TITLE, PATHS } from '../site'

/** The way to help for a reader who already acted on a scam message. */
export function GuidanceCallout() {
  return (
    <aside class="callout" aria-label="Om du redan har svarat">
      <p>
        <strong>{GUIDANCE_TITLE}</strong>
      </p>
      <p>
        <a href={PATHS.guidance}>Så gör du nu: bank, lösenord, polisanmälan och råd</a>
      </p>
    </aside>
  )
}
