// Schema and domain-rule messages are catalog keys, not text: a bare key ("required") lives
// under `validation`, a dotted one ("users.errors.emailInvalid") stands as it is. The Server
// Action wrapper and the form kit both turn them into text here, so they cannot drift apart.

/** Both next-intl translators fit: `useTranslations()` in the browser, `getTranslations()` on the server. */
type Translator = { (key: never): string; has(key: never): boolean };

/** The text for a message key; an unknown key reads "invalid" rather than showing the key itself. */
export function messageText(t: Translator, key: string): string {
  const full = key.includes(".") ? key : `validation.${key}`;
  return t.has(full as never) ? t(full as never) : t("validation.invalid" as never);
}
