import type { Metadata } from "next";
import { Timeline } from "@/components/reader/timeline";
import { publicUrl } from "@/lib/env";
import { readerDossierPage } from "@/lib/http/reader-cache";
import { messages } from "@/lib/i18n/messages";
import { readerAlternates, readerPaths } from "@/lib/i18n/routing";
import { typeset } from "@/lib/i18n/typography";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = PageProps<"/[locale]/dossiers/[slug]/timeline">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, dossier } = await readerDossierPage(params);
  return {
    title: messages(locale).timeline.title({ dossier: dossier.title }),
    alternates: readerAlternates(publicUrl(), locale, (l) => readerPaths.timeline(dossier.slug, l), { slug: dossier.slug, title: dossier.title }),
  };
}

export default async function TimelinePage({ params }: Props) {
  const { locale, dossier } = await readerDossierPage(params);
  const t = messages(locale);
  const language = dossier.language;
  return (
    <>
      <nav aria-label={t.dossier.onThisPage} className="breadcrumb">
        <a href={readerPaths.dossier(dossier.slug, locale)}>
          <span aria-hidden="true">← </span>
          {t.timeline.back}
        </a>
      </nav>
      <header className="timeline-header">
        <h1>
          {t.timeline.heading}
          <span className="visually-hidden"> · </span>
          <span className="timeline-header__dossier" lang={language}>
            {typeset(dossier.title, language)}
          </span>
        </h1>
        <p className="meta">{t.timeline.intro}</p>
      </header>
      <Timeline slug={dossier.slug} events={dossier.events} claims={dossier.claims} sources={dossier.sources} language={language} locale={locale} t={t} />
    </>
  );
}
