/** The e-mail subscription form shown on every page; works without JavaScript. */
export function SubscribeForm({
  company,
}: {
  company?: { slug: string; name: string } | undefined
}) {
  return (
    <form method="post" action="/subscribe" class="card subscribe">
      <h2>Få nya varningar via e-post</h2>
      <label for="subscribe-email">Din e-postadress</label>
      <input
        id="subscribe-email"
        name="email"
        type="email"
        required
        maxlength={254}
        autocomplete="email"
      />
      {company ? (
        <label class="choice">
          <input type="checkbox" name="companies" value={company.slug} /> Bara varningar om{' '}
          {company.name}
        </label>
      ) : null}
      <p class="hint">
        Vi skickar ett mejl med en länk som du bekräftar. Du kan avsluta när som helst.
      </p>
      <button type="submit">Prenumerera</button>
    </form>
  )
}
