import { notFound } from "next/navigation";
import { isLocale } from "@/lib/i18n/locales";
import { loadPublishedDossier } from "@/lib/http/reader-cache";
import { DossierParamsSchema } from "@/lib/schemas/reader";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export default async function DossierPage({ params }: PageProps<"/[locale]/dossiers/[slug]">) {
  const { locale, ...rest } = await params;
  const parsed = DossierParamsSchema.safeParse(rest);
  if (!parsed.success || !isLocale(locale)) notFound();
  const dossier = await loadPublishedDossier(parsed.data.slug);
  if (!dossier) notFound();
  return (
    <>
      <h1 lang={dossier.language}>{dossier.title}</h1>
      <p>{locale} rendered at {new Date().toISOString()}</p>
    </>
  );
}
