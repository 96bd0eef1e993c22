// Root layout of the public site, one per UI language. Every reader URL starts with its language
// (/fr/…, /en/…), so the language is a route parameter: pages never read cookies or headers and stay
// cached, one public document per URL (docs/decisions/040). The newsroom has its own root layout.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LanguageSwitch } from "@/components/reader/language-switch";
import { env, publicUrl } from "@/lib/env";
import { isLocale, LOCALES } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { feedAlternates, readerPaths } from "@/lib/i18n/routing";
import "../../globals.css";
import { formConstraints } from "@/lib/schemas/constraints";
import { ReaderSearchSchema } from "@/lib/schemas/search";

const QUERY_MAX = formConstraints(ReaderSearchSchema).q?.maxLength;

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = messages(isLocale(locale) ? locale : "en");
  return {
    title: { default: env.PUBLISHER_NAME, template: `%s · ${env.PUBLISHER_NAME}` },
    description: t.site.description,
    // A page with its own alternates replaces these (Next merges metadata key by key): the dossier pages add their own feeds.
    alternates: { types: feedAlternates(publicUrl(), isLocale(locale) ? locale : "en") },
  };
}

export default async function ReaderRootLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  // proxy.ts only ever rewrites to a known locale; anything else is not a reader URL.
  if (!isLocale(locale)) notFound();
  const t = messages(locale);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t.site.skipLink}
        </a>
        <header className="site-header">
          {/* Plain links throughout the reader: each visit is a real request for the current cached
              page (the client router's cache could show a verdict that has since changed). */}
          <a href={readerPaths.home(locale)} className="site-name">
            {env.PUBLISHER_NAME}
          </a>
          <form role="search" method="get" action={`/${locale}/search`} className="site-search">
            <label htmlFor="site-search-q" className="visually-hidden">
              {locale === "fr" ? "Chercher dans les dossiers publiés" : "Search the published dossiers"}
            </label>
            <input id="site-search-q" type="search" name="q" maxLength={QUERY_MAX} />
            <button type="submit">{locale === "fr" ? "Chercher" : "Search"}</button>
          </form>
          <LanguageSwitch locale={locale} />
        </header>
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
