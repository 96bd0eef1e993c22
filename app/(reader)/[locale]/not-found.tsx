import { locale as rootLocale } from "next/root-params";
import { isLocale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { readerPaths } from "@/lib/i18n/routing";

export default async function NotFound() {
  const locale = await rootLocale();
  const lang = isLocale(locale) ? locale : "en";
  const t = messages(lang);
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <p>
        <a href={readerPaths.home(lang)}>{t.notFound.back}</a>
      </p>
    </>
  );
}
