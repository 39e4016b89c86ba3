import { QUERY_MAX } from '../../src/core/lookup'
import { PATHS } from '../site'

const LABEL = 'Sök på ett nummer, en adress, ett konto eller ett företag'

function Fields({ id, value, placeholder }: { id: string; value: string; placeholder?: string }) {
  return (
    <div class="search-row">
      <input
        id={id}
        type="search"
        name="q"
        value={value}
        maxlength={QUERY_MAX}
        placeholder={placeholder}
        autocomplete="off"
        spellcheck={false}
      />
      <button type="submit">Sök</button>
    </div>
  )
}

/**
 * The header's search: a search landmark on every page, its label for screen readers only.
 * A plain GET form, so it works without JavaScript and every answer has a URL.
 */
export function HeaderSearch() {
  return (
    // biome-ignore lint/a11y/useSemanticElements: role="search" on the form reaches every browser and screen reader; the <search> element (2023) does not yet.
    <form
      class="site-search"
      role="search"
      method="get"
      action={PATHS.search}
      aria-label="Sök på webbplatsen"
    >
      <label class="visually-hidden" for="sok-sidhuvud">
        {LABEL}
      </label>
      <Fields id="sok-sidhuvud" value="" placeholder="Nummer, adress eller företag" />
    </form>
  )
}

/** A search box in the content (home page, search page, 404), with its label shown. */
export function SearchForm({
  id,
  value = '',
  label = LABEL,
}: {
  id: string
  value?: string
  label?: string
}) {
  return (
    <form method="get" action={PATHS.search} class="search-form card">
      <label for={id}>{label}</label>
      <Fields id={id} value={value} />
      <p class="hint">
        Telefonnummer skrivna hur som helst, webbadresser, länkar, e-postadresser, konton med eller
        utan @, eller företagets namn.
      </p>
    </form>
  )
}
