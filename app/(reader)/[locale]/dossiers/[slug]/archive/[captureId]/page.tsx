// A public source's archived copy, served by Dossier: when and where it was captured, its SHA-256,
// its screenshot and WARC file, and the page's text — as plain text: the archived HTML itself is
// never rendered on Dossier's origin. Only a capture an editor chose to show exists here.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DayDate } from "@/components/reader/dates";
import { loadPublicCapture, publicFilePath } from "@/lib/http/reader-archive-cache";
import { readerDossierPage } from "@/lib/http/reader-cache";
import { messages } from "@/lib/i18n/messages";
import { anchors, readerPaths, safeExternalUrl } from "@/lib/i18n/routing";
import { typeset } from "@/lib/i18n/typography";
import { RecordIdSchema } from "@/lib/schemas/reader";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = PageProps<"/[locale]/dossiers/[slug]/archive/[captureId]">;

async function load(params: Props["params"]) {
  const { captureId } = await params;
  const { locale, dossier } = await readerDossierPage(params);
  const parsed = RecordIdSchema.safeParse(captureId);
  const capture = parsed.success ? await loadPublicCapture(dossier.slug, parsed.data) : null;
  if (!capture) notFound();
  return { locale, dossier, capture };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, dossier, capture } = await load(params);
  return { title: `${messages(locale).archive.title} · ${capture.sourceTitle} · ${dossier.title}`, robots: { index: false } };
}

export default async function ArchivedCopyPage({ params }: Props) {
  const { locale, dossier, capture } = await load(params);
  const t = messages(locale);
  const language = dossier.language;
  const live = safeExternalUrl(capture.finalUrl);
  const paragraphs = capture.text.split("\n").filter((p) => p.trim() !== "");
  return (
    <article className="archived-copy" aria-labelledby="archive-title">
      <p className="meta">
        <a href={`${readerPaths.dossier(dossier.slug, locale)}#${anchors.source(capture.sourceNumber)}`}>{t.archive.back}</a>
      </p>
      <h1 id="archive-title">
        {t.archive.title} · <span lang={language}>{typeset(capture.sourceTitle, language)}</span>
      </h1>
      <p className="meta">{t.archive.source({ n: capture.sourceNumber })}</p>
      <p className="summary">{t.archive.intro}</p>
      <dl className="archive-record">
        <dt>{t.archive.capturedLabel}</dt>
        <dd>
          <DayDate iso={capture.capturedAt} locale={locale} /> ({capture.capturedAt.replace("T", " ").replace(/\.\d{3}Z$/, " UTC")})
        </dd>
        <dt>{t.archive.requestedUrl}</dt>
        <dd>
          <code>{capture.requestedUrl}</code>
        </dd>
        {capture.finalUrl !== capture.requestedUrl ? (
          <>
            <dt>{t.archive.finalUrl}</dt>
            <dd>
              <code>{capture.finalUrl}</code>
            </dd>
          </>
        ) : null}
        <dt>{t.archive.httpStatus}</dt>
        <dd>{capture.httpStatus}</dd>
        <dt>{t.archive.fingerprint}</dt>
        <dd>
          <code className="hash hash--full">{capture.sha256}</code>
          <br />
          <span className="meta">{t.archive.fingerprintHelp}</span>
        </dd>
        {capture.timestampAt ? (
          <>
            <dt>RFC 3161</dt>
            <dd>
              {t.archive.timestamped({ date: <DayDate iso={capture.timestampAt} locale={locale} /> })}
            </dd>
          </>
        ) : null}
      </dl>
      <ul className="archive-links">
        {live ? (
          <li>
            <a href={live} rel="noopener noreferrer nofollow">
              {t.archive.live}
            </a>
          </li>
        ) : null}
        <li>
          <a href={publicFilePath("capture", capture.id, "warc")} rel="nofollow">
            {t.archive.warc}
          </a>
        </li>
        {capture.internetArchiveUrl && safeExternalUrl(capture.internetArchiveUrl) ? (
          <li>
            <a href={safeExternalUrl(capture.internetArchiveUrl)!} rel="noopener noreferrer nofollow">
              {t.archive.internetArchive}
            </a>
          </li>
        ) : null}
      </ul>
      {capture.hasScreenshot && capture.screenshotKind === "screenshot" ? (
        <figure className="archive-screenshot">
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored file, served as is */}
          <img src={publicFilePath("capture", capture.id, "render")} alt={t.archive.screenshot} loading="lazy" />
          <figcaption className="meta">{t.archive.screenshot}</figcaption>
        </figure>
      ) : capture.hasScreenshot ? (
        <p>
          <a href={publicFilePath("capture", capture.id, "render")} rel="nofollow">
            {t.archive.screenshotPdf}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="archive-text">
        <h2 id="archive-text">{t.archive.textHeading}</h2>
        {paragraphs.length === 0 ? (
          <p className="empty">{t.archive.noText}</p>
        ) : (
          // The page's own language is not known: no lang is better than a wrong one.
          <div className="archive-text">
            {paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        )}
      </section>
    </article>
  );
}
