// Every UI string of the public site, in French and English. French strings are written with
// ordinary spaces and typeset once here (no-break spaces before ; : ! ?, « guillemets »), so no
// translator has to type invisible characters. Content is never translated: only the interface.
import type { Locale } from "./locales";
import { frenchTypography } from "./typography";

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);
/** French uses the singular for 0 and 1. */
const pluralFr = (n: number, one: string, other: string) => (n <= 1 ? one : other);

const en = {
  site: {
    description: "Investigations with their claims, sources and fact-checks in the open.",
    skipLink: "Skip to content",
    languageNav: "Language",
    home: "Published dossiers",
  },
  home: {
    title: "Published dossiers",
    intro: "Each dossier shows its article with every claim marked, how it was checked, its sources and what is still unknown.",
    empty: "No dossier has been published yet.",
    claims: (n: number) => `${n} ${plural(n, "claim", "claims")}`,
    publishedOn: (date: string) => `published ${date}`,
  },
  notFound: {
    title: "Page not found",
    body: "This page does not exist, or it is not published.",
    back: "See the published dossiers",
  },
  badAddress: {
    title: "This address is not valid",
    body: (escape: string) => `It contains “${escape}”, which does not encode any character: check the link you followed.`,
  },
  dossier: {
    onThisPage: "On this page",
    sections: {
      summary: "Verification summary",
      article: "Article",
      claims: "Claims",
      quotes: "Quotes",
      questions: "What we don’t know yet",
      sources: "Sources",
      corrections: "Corrections",
      timeline: "Timeline",
    },
    publishedOn: (date: string) => `Published ${date}`,
    correctedOn: (date: string) => `last corrected ${date}`,
    contentLanguage: (language: string) => `This dossier is written in ${language}.`,
    languageNames: { fr: "French", en: "English" } as Record<string, string>,
    articleLabel: "Article",
  },
  summary: {
    heading: "How the claims were checked",
    total: (n: number) => `${n} ${plural(n, "claim", "claims")} in this dossier`,
    count: (n: number) => `${n} ${plural(n, "claim", "claims")}`,
    share: (n: number, total: number) => `${Math.round((n / Math.max(total, 1)) * 100)} %`,
    methodology: "What our verdicts mean",
    empty: "This dossier has no claim yet.",
  },
  claims: {
    heading: "Claims and how we checked them",
    intro: "Each claim is marked in the article with its verdict. Choose a verdict to see only those claims.",
    filterLegend: "Show",
    filterAll: "All",
    claim: (n: number) => `Claim ${n}`,
    markerPrefix: (n: number) => `Claim ${n}: `,
    hedged: "The article attributes or hedges this claim (it is reported, not asserted).",
    showInArticle: "Show in the article",
    howChecked: "How we checked it",
    evidence: (n: number) => `${n} ${plural(n, "source", "sources")} consulted`,
    noEvidence: "No source cited yet.",
    corrected: "Corrected after publication",
    empty: "No claim matches.",
  },
  verdict: {
    heading: "Our verdict",
    decidedOn: (date: string) => `Decided ${date}`,
    notYetChecked: "The newsroom has not reached a verdict on this claim yet.",
  },
  sources: {
    heading: "Sources",
    intro: "Sources are numbered in the order the dossier cites them. A confidential source is described, never identified.",
    confidential: "Confidential source",
    publishedBy: (publisher: string) => `published by ${publisher}`,
    by: (author: string) => `by ${author}`,
    consulted: (date: string) => `consulted ${date}`,
    citedFor: "Cited for",
    open: "open the source",
    kinds: {
      document: "Document",
      "official-record": "Official record",
      person: "Person",
      organisation: "Organisation",
      "web-page": "Web page",
      "press-article": "Press article",
      dataset: "Dataset",
    } as Record<string, string>,
    reliability: {
      high: "high reliability",
      medium: "medium reliability",
      low: "low reliability",
      unknown: "reliability not assessed",
    } as Record<string, string>,
    sourceNumber: (n: number) => `Source ${n}`,
    empty: "No source yet.",
  },
  archive: {
    archivedCopy: (date: string) => `archived copy of ${date}`,
    document: (name: string) => `document: ${name}`,
    sha256: "SHA-256",
    recordLabel: "Archived by the newsroom",
    title: "Archived copy",
    intro: "The text of this page as the newsroom captured it. The page itself may have changed or disappeared since: this copy is what was cited.",
    capturedOn: (date: string) => `Captured ${date}`,
    source: (n: number) => `Source ${n} of the dossier`,
    requestedUrl: "Address requested",
    finalUrl: "Address after redirects",
    httpStatus: "HTTP status",
    fingerprint: "Fingerprint of the capture file (SHA-256)",
    fingerprintHelp: "Anyone can check that the capture file was not altered: its SHA-256 must be this value.",
    timestamped: (date: string) => `Timestamped by a trusted authority ${date}`,
    internetArchive: "The same page at the Internet Archive",
    live: "Open the live page",
    screenshot: "Screenshot of the page as captured",
    screenshotPdf: "The page as captured (PDF)",
    warc: "Download the capture (WARC file)",
    textHeading: "Text of the page",
    noText: "The page had no readable text.",
    back: "Back to the dossier’s sources",
  },
  quotes: {
    heading: "Quotes",
    intro: "Verbatim, as they were said or written.",
    offRecord: "not for attribution",
    unnamed: "A person who asked not to be named",
    source: "Source",
    empty: "No quote in this dossier.",
  },
  questions: {
    heading: "What we don’t know yet",
    intro: "Questions our reporting has not answered. When one is answered, we say so here.",
    open: "Still open",
    answered: "Answered since",
    answeredOn: (date: string) => `Answered ${date}`,
    seeClaim: (n: number) => `see claim ${n}`,
    noneOpen: "No question is open.",
    empty: "No open question in this dossier.",
  },
  corrections: {
    heading: "Corrections",
    intro: "Verdicts we changed after publication: what changed, when and why.",
    change: (from: string, to: string) => `${from} → ${to}`,
    empty: "No correction since publication.",
  },
  history: {
    heading: "History of the verdict",
    intro: "Every verdict the editors gave this claim, oldest first. Changes after publication are corrections.",
    first: (to: string) => `Verdict: ${to}`,
    change: (from: string, to: string) => `${from} → ${to}`,
    correction: "Correction",
    beforePublication: "published with the dossier",
    empty: "No verdict has been given yet.",
  },
  claimPage: {
    title: (n: number, dossier: string) => `Claim ${n} · ${dossier}`,
    inArticle: "In the article",
    passageMissing: "The passage could not be shown.",
    evidenceHeading: "Evidence",
    evidenceIntro: "The sources consulted for this claim, and what each says.",
    stances: {
      supports: "Supports the claim",
      contradicts: "Contradicts the claim",
      context: "Gives context",
    } as Record<string, string>,
    questionsHeading: "Questions this claim answers",
    eventsHeading: "On the timeline",
    back: "Back to the dossier",
    previous: "Previous claim",
    next: "Next claim",
  },
  timeline: {
    heading: "Timeline",
    title: (dossier: string) => `Timeline · ${dossier}`,
    intro: "Events in chronological order. Dates keep their precision: “early June 2023” means some day between 1 and 9 June; an expected event has not happened yet.",
    certainty: { happened: "", reported: "Reported, not confirmed", expected: "Expected" } as Record<string, string>,
    claims: "Claims",
    sources: "Sources",
    empty: "No event on this timeline yet.",
    back: "Back to the dossier",
  },
} as const;

export type Messages = typeof en;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : T extends Record<string, string>
      ? Record<string, string>
      : { [K in keyof T]: Widen<T[K]> };

const fr: Widen<Messages> = {
  site: {
    description: "Des enquêtes avec leurs affirmations, leurs sources et leurs vérifications, au grand jour.",
    skipLink: "Aller au contenu",
    languageNav: "Langue",
    home: "Dossiers publiés",
  },
  home: {
    title: "Dossiers publiés",
    intro: "Chaque dossier montre son article avec chaque affirmation signalée, la façon dont elle a été vérifiée, ses sources et ce qui reste inconnu.",
    empty: "Aucun dossier n’a encore été publié.",
    claims: (n) => `${n} ${pluralFr(n, "affirmation", "affirmations")}`,
    publishedOn: (date) => `publié le ${date}`,
  },
  notFound: {
    title: "Page introuvable",
    body: "Cette page n’existe pas, ou elle n’est pas publiée.",
    back: "Voir les dossiers publiés",
  },
  badAddress: {
    title: "Cette adresse n’est pas valide",
    body: (escape) => `Elle contient « ${escape} », qui ne code aucun caractère : vérifiez le lien suivi.`,
  },
  dossier: {
    onThisPage: "Sur cette page",
    sections: {
      summary: "Bilan des vérifications",
      article: "Article",
      claims: "Affirmations",
      quotes: "Citations",
      questions: "Ce que l’on ignore encore",
      sources: "Sources",
      corrections: "Corrections",
      timeline: "Chronologie",
    },
    publishedOn: (date) => `Publié le ${date}`,
    correctedOn: (date) => `dernière correction le ${date}`,
    contentLanguage: (language) => `Ce dossier est rédigé en ${language}.`,
    languageNames: { fr: "français", en: "anglais" },
    articleLabel: "Article",
  },
  summary: {
    heading: "Comment les affirmations ont été vérifiées",
    total: (n) => `${n} ${pluralFr(n, "affirmation", "affirmations")} dans ce dossier`,
    count: (n) => `${n} ${pluralFr(n, "affirmation", "affirmations")}`,
    share: (n, total) => `${Math.round((n / Math.max(total, 1)) * 100)} %`,
    methodology: "Ce que signifient nos verdicts",
    empty: "Ce dossier ne contient encore aucune affirmation.",
  },
  claims: {
    heading: "Les affirmations et leur vérification",
    intro: "Chaque affirmation est signalée dans l’article avec son verdict. Choisissez un verdict pour n’afficher que ces affirmations.",
    filterLegend: "Afficher",
    filterAll: "Toutes",
    claim: (n) => `Affirmation ${n}`,
    markerPrefix: (n) => `Affirmation ${n} : `,
    hedged: "L’article attribue ou nuance cette affirmation (elle est rapportée, non affirmée).",
    showInArticle: "Voir dans l’article",
    howChecked: "Comment nous l’avons vérifiée",
    evidence: (n) => `${n} ${pluralFr(n, "source consultée", "sources consultées")}`,
    noEvidence: "Aucune source citée pour l’instant.",
    corrected: "Corrigée après publication",
    empty: "Aucune affirmation ne correspond.",
  },
  verdict: {
    heading: "Notre verdict",
    decidedOn: (date) => `Rendu le ${date}`,
    notYetChecked: "La rédaction n’a pas encore rendu de verdict sur cette affirmation.",
  },
  sources: {
    heading: "Sources",
    intro: "Les sources sont numérotées dans l’ordre où le dossier les cite. Une source confidentielle est décrite, jamais identifiée.",
    confidential: "Source confidentielle",
    publishedBy: (publisher) => `publié par ${publisher}`,
    by: (author) => `par ${author}`,
    consulted: (date) => `consulté le ${date}`,
    citedFor: "Citée pour",
    open: "ouvrir la source",
    kinds: {
      document: "Document",
      "official-record": "Registre officiel",
      person: "Personne",
      organisation: "Organisation",
      "web-page": "Page web",
      "press-article": "Article de presse",
      dataset: "Jeu de données",
    },
    reliability: {
      high: "fiabilité élevée",
      medium: "fiabilité moyenne",
      low: "fiabilité faible",
      unknown: "fiabilité non évaluée",
    },
    sourceNumber: (n) => `Source ${n}`,
    empty: "Aucune source pour l’instant.",
  },
  archive: {
    archivedCopy: (date: string) => `copie archivée du ${date}`,
    document: (name: string) => `document : ${name}`,
    sha256: "SHA-256",
    recordLabel: "Archivé par la rédaction",
    title: "Copie archivée",
    intro: "Le texte de cette page tel que la rédaction l’a capturé. La page elle-même a pu changer ou disparaître depuis : c’est cette copie qui a été citée.",
    capturedOn: (date: string) => `Capturée le ${date}`,
    source: (n: number) => `Source ${n} du dossier`,
    requestedUrl: "Adresse demandée",
    finalUrl: "Adresse après redirections",
    httpStatus: "Statut HTTP",
    fingerprint: "Empreinte du fichier de capture (SHA-256)",
    fingerprintHelp: "Chacun peut vérifier que le fichier de capture n’a pas été modifié : son SHA-256 doit être cette valeur.",
    timestamped: (date: string) => `Horodatée par une autorité de confiance le ${date}`,
    internetArchive: "La même page sur Internet Archive",
    live: "Ouvrir la page en ligne",
    screenshot: "Capture d’écran de la page telle qu’archivée",
    screenshotPdf: "La page telle qu’archivée (PDF)",
    warc: "Télécharger la capture (fichier WARC)",
    textHeading: "Texte de la page",
    noText: "La page n’avait pas de texte lisible.",
    back: "Retour aux sources du dossier",
  },
  quotes: {
    heading: "Citations",
    intro: "Mot pour mot, telles qu’elles ont été dites ou écrites.",
    offRecord: "propos non attribués",
    unnamed: "Une personne qui a demandé à ne pas être nommée",
    source: "Source",
    empty: "Aucune citation dans ce dossier.",
  },
  questions: {
    heading: "Ce que l’on ignore encore",
    intro: "Les questions auxquelles notre enquête n’a pas répondu. Quand l’une d’elles trouve sa réponse, nous l’indiquons ici.",
    open: "Toujours ouvertes",
    answered: "Ont trouvé une réponse depuis",
    answeredOn: (date) => `Réponse le ${date}`,
    seeClaim: (n) => `voir l’affirmation ${n}`,
    noneOpen: "Aucune question ouverte.",
    empty: "Aucune question ouverte dans ce dossier.",
  },
  corrections: {
    heading: "Corrections",
    intro: "Les verdicts que nous avons modifiés après publication : ce qui a changé, quand et pourquoi.",
    change: (from, to) => `${from} → ${to}`,
    empty: "Aucune correction depuis la publication.",
  },
  history: {
    heading: "Historique du verdict",
    intro: "Tous les verdicts rendus par la rédaction en chef sur cette affirmation, du plus ancien au plus récent. Les changements après publication sont des corrections.",
    first: (to) => `Verdict : ${to}`,
    change: (from, to) => `${from} → ${to}`,
    correction: "Correction",
    beforePublication: "publié avec le dossier",
    empty: "Aucun verdict n’a encore été rendu.",
  },
  claimPage: {
    title: (n, dossier) => `Affirmation ${n} · ${dossier}`,
    inArticle: "Dans l’article",
    passageMissing: "Le passage n’a pas pu être affiché.",
    evidenceHeading: "Éléments de preuve",
    evidenceIntro: "Les sources consultées pour cette affirmation, et ce que chacune en dit.",
    stances: {
      supports: "Confirme l’affirmation",
      contradicts: "Contredit l’affirmation",
      context: "Apporte du contexte",
    },
    questionsHeading: "Questions auxquelles répond cette affirmation",
    eventsHeading: "Dans la chronologie",
    back: "Retour au dossier",
    previous: "Affirmation précédente",
    next: "Affirmation suivante",
  },
  timeline: {
    heading: "Chronologie",
    title: (dossier) => `Chronologie · ${dossier}`,
    intro: "Les événements dans l’ordre chronologique. Les dates gardent leur précision : « début juin 2023 » désigne un jour entre le 1er et le 9 juin ; un événement prévu n’a pas encore eu lieu.",
    certainty: { happened: "", reported: "Rapporté, non confirmé", expected: "Prévu" },
    claims: "Affirmations",
    sources: "Sources",
    empty: "Aucun événement dans cette chronologie pour l’instant.",
    back: "Retour au dossier",
  },
};

/** Applies French typography to every string and every string a function returns. */
function typesetAll<T>(value: T): T {
  if (typeof value === "string") return frenchTypography(value) as T;
  if (typeof value === "function") {
    const fn = value as (...args: unknown[]) => string;
    return ((...args: unknown[]) => frenchTypography(fn(...args))) as T;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesetAll(v)])) as T;
  }
  return value;
}

const DICTIONARIES: Record<Locale, Widen<Messages>> = { en, fr: typesetAll(fr) };

export function messages(locale: Locale): Widen<Messages> {
  return DICTIONARIES[locale];
}

export type UiMessages = Widen<Messages>;
