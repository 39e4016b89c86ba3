/**
 * "Utkast": a record that is not published. Only `npm run preview` serves drafts; the
 * published site never renders this.
 */
export function DraftBadge() {
  return <span class="draft-badge">Utkast</span>
}

/** The note under a draft's title: what a draft is and who sees it. */
export function DraftNote({ what }: { what: string }) {
  return (
    <p class="draft-note">
      <DraftBadge /> {what} Den syns bara i förhandsvisningen, inte på den publicerade webbplatsen.
    </p>
  )
}

/** Over a company box whose contacts come from a draft: they are not published yet. */
export function DraftContactsNote() {
  return (
    <p class="draft-note">
      <DraftBadge /> Kontaktvägarna kommer från ett utkast och är inte publicerade.
    </p>
  )
}
