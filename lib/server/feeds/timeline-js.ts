import "server-only";
// A dossier's timeline as TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html),
// for a newsroom that embeds TimelineJS or a researcher who loads it (docs/api.md). Built only
// from PublicDossier, the latest published version: the same events, claims and sources the
// timeline page shows, a confidential source by its public description only. TimelineJS renders
// headline and text as HTML, so every string is escaped and the only markup is ours.
import { htmlText, timelineDates, type TimelineJs, type TimelineJsEvent } from "@/lib/domain/feeds";
import { verdictLabel } from "@/lib/domain/verdicts";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { env, publicUrl } from "@/lib/env";
import { formatEdtf } from "@/lib/i18n/dates";
import { messages } from "@/lib/i18n/messages";
import { absoluteUrl, anchors, dossierLocale, readerPaths } from "@/lib/i18n/routing";
import type { PublicDossier } from "../reader/get-published-dossier";

const url = (path: string) => absoluteUrl(publicUrl(), path);

export function timelineJs(dossier: PublicDossier): TimelineJs {
  const locale = dossierLocale(dossier.language, env.DEFAULT_LOCALE);
  const t = messages(locale);
  const vocabulary = verdictVocabulary();
  const claims = new Map(dossier.claims.map((c) => [c.id, c]));
  const sources = new Map(dossier.sources.map((s) => [s.id, s]));
  const page = url(readerPaths.dossier(dossier.slug, locale));
  const link = (href: string, text: string) => `<a href="${htmlText(href)}">${htmlText(text)}</a>`;
  const events: TimelineJsEvent[] = dossier.events.map((e) => {
    const certainty = t.timeline.certainty[e.certainty];
    const claimLinks = e.claimIds.flatMap((id) => {
      const c = claims.get(id);
      return c ? [`<li>${link(url(readerPaths.claim(dossier.slug, c.id, locale)), `${t.claims.claim({ n: c.number })} (${verdictLabel(c.verdict, locale, vocabulary)})`)} ${htmlText(c.text)}</li>`] : [];
    });
    const sourceLinks = e.sourceIds.flatMap((id) => {
      const s = sources.get(id);
      if (!s) return [];
      const name = s.confidential ? [t.sources.confidential, s.description].filter(Boolean).join(" – ") : s.title;
      return [`<li>${link(`${page}#${anchors.source(s.number)}`, `[${s.number}]`)} ${htmlText(name)}</li>`];
    });
    const text = [
      certainty ? `<p><em>${htmlText(certainty)}</em></p>` : "",
      e.description ? `<p>${htmlText(e.description)}</p>` : "",
      claimLinks.length ? `<p>${htmlText(t.timeline.claims)}</p><ul>${claimLinks.join("")}</ul>` : "",
      sourceLinks.length ? `<p>${htmlText(t.timeline.sources)}</p><ul>${sourceLinks.join("")}</ul>` : "",
    ].join("");
    return {
      unique_id: `event-${e.id}`,
      ...timelineDates(e.sortStart, e.sortEnd),
      // TimelineJS renders these as HTML too (a date that is not EDTF is shown as written).
      display_date: htmlText(formatEdtf(e.date, locale).text),
      text: { headline: htmlText(e.title), text },
      ...(certainty ? { group: htmlText(certainty) } : {}),
    };
  });
  return {
    title: {
      unique_id: "title",
      text: { headline: htmlText(dossier.title), text: `${dossier.summary ? `<p>${htmlText(dossier.summary)}</p>` : ""}<p>${link(page, dossier.title)}</p>` },
    },
    events,
    scale: "human",
  };
}
