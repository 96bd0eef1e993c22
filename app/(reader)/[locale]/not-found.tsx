import { locale as rootLocale } from "next/root-params";
import { isLocale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";

export default async function NotFound() {
  const locale = await rootLocale();
  const t = messages(isLocale(locale) ? locale : "en");
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain request (see the layout) */}
        <a href="/">{t.notFound.back}</a>
      </p>
    </>
  );
}
