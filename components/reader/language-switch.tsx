import { LOCALE_NAMES, LOCALE_PARAM, LOCALES, type Locale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";

/**
 * Plain links, no JavaScript: `?lang=xx` on the current URL is handled by proxy.ts, which stores
 * the choice in a cookie and redirects to the same page without the parameter.
 */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const t = messages(locale);
  return (
    <nav aria-label={t.site.languageNav} className="language-switch">
      <ul>
        {LOCALES.map((l) => (
          <li key={l}>
            {l === locale ? (
              <span aria-current="true" lang={l} className="language-switch__current">
                {LOCALE_NAMES[l]}
              </span>
            ) : (
              <a href={`?${LOCALE_PARAM}=${l}`} hrefLang={l} lang={l} rel="alternate">
                {LOCALE_NAMES[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
