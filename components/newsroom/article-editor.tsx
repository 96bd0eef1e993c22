"use client";
// The article editor: Markdown on one side, the live preview on the other. Typing is autosaved
// as a private draft (so a closed tab loses nothing); saving makes a revision and re-anchors the
// claims. A save over a newer version is refused and both versions are shown, to combine or to
// overwrite deliberately. Selecting a passage in the preview of the saved article makes a claim
// (or re-attaches an orphaned one).
import { useRouter } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { anchorQuote, prepareText } from "@/lib/domain/anchoring";
import { diffArticle } from "@/lib/domain/text-diff";
import type { ActionResult } from "@/lib/http/action-result";
import { hasRichStructure, htmlToMarkdown } from "@/lib/markdown/from-html";
import { applyPassageMarks, type PassageMark } from "@/lib/markdown/marks";
import { hastText, markdownToHast } from "@/lib/markdown/render";
import { ARTICLE_MAX } from "@/lib/schemas/limits";
import { ArticleConflict, isArticleConflict, type ArticleConflictState } from "./article-conflict";
import { callAction } from "./call-action";
import { ClaimMaker } from "./claim-maker";
import { DiffView } from "./diff-view";
import { formatDateTime } from "./labels";
import { WordImport } from "./word-import";
import { formConstraints } from "@/lib/schemas/constraints";
import { SaveArticleSchema } from "@/lib/schemas/dossier";

const NOTE_MAX_LENGTH = formConstraints(SaveArticleSchema).note?.maxLength;

type Call<I, T> = (previous: null, payload: I) => Promise<ActionResult<T>>;

export interface EditorClaim {
  id: string;
  text: string;
  anchorExact: string;
  anchorPrefix: string;
  anchorSuffix: string;
  anchorStart: number | null;
  anchorStatus: string;
  version: number;
}

interface SaveReport {
  changed: boolean;
  version: number;
  revision?: number;
  claims?: { orphaned: { id: string; text: string }[]; restored: string[]; moved: string[]; recheck?: { id: string; text: string }[] };
}

/** The refusal of a save that would orphan claims of a published dossier (write-article.ts). */
function isOrphanWarning(details: unknown): details is { rule: "orphans-unconfirmed"; orphaned: { id: string; text: string }[] } {
  return !!details && typeof details === "object" && (details as { rule?: unknown }).rule === "orphans-unconfirmed" && Array.isArray((details as { orphaned?: unknown }).orphaned);
}

interface SelectionInput {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface ArticleEditorProps {
  dossier: { id: string; slug: string; language: string; version: number; body: string; published: boolean };
  draft: { body: string; baseVersion: number; updatedAt: string; stale: boolean } | null;
  claims: EditorClaim[];
  canEdit: boolean;
  /** The largest Word file the conversion accepts, in words ("25 MB"). */
  uploadMaxLabel: string;
  canMakeClaims: boolean;
  reattach: EditorClaim | null;
  saveArticle: Call<{ dossierId: string; version: number; body: string; note: string; confirmOrphans?: boolean }, SaveReport>;
  createClaim: Call<{ dossierId: string; selection: SelectionInput; text: string; hedged: boolean }, unknown>;
  reattachClaim: Call<{ dossierId: string; claimId: string; version: number; selection: SelectionInput }, unknown>;
  discardDraft: Call<{ dossierId: string }, unknown>;
}

type DraftState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string };

const AUTOSAVE_DELAY_MS = 1200;

export function ArticleEditor(props: ArticleEditorProps) {
  const { dossier } = props;
  const router = useRouter();
  const ids = useId().replace(/:/g, "");
  const restored = props.draft;
  const [body, setBody] = useState(restored ? restored.body : dossier.body);
  // The last saved article this editor's text is based on (what "version" means on save).
  const [saved, setSaved] = useState({ body: dossier.body, version: restored ? restored.baseVersion : dossier.version, known: !restored?.stale });
  const [note, setNote] = useState("");
  const [draftState, setDraftState] = useState<DraftState>(restored ? { kind: "saved", at: restored.updatedAt } : { kind: "idle" });
  const [showRestored, setShowRestored] = useState(!!restored);
  const [report, setReport] = useState<{ tone: "success" | "error"; text: string; details?: string[] } | null>(null);
  const [conflict, setConflict] = useState<ArticleConflictState | null>(null);
  const [orphanWarning, setOrphanWarning] = useState<{ message: string; orphaned: { id: string; text: string }[]; version: number; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [showChanges, setShowChanges] = useState(false);
  const lastPosted = useRef(restored ? restored.body : dossier.body);
  const bodyRef = useRef(body);
  const savedRef = useRef(saved);
  useEffect(() => {
    bodyRef.current = body;
    savedRef.current = saved;
  }, [body, saved]);

  // ── Autosave ──
  const postDraft = useCallback(
    async (keepalive = false) => {
      const text = bodyRef.current;
      if (text === lastPosted.current) return;
      setDraftState({ kind: "saving" });
      try {
        const response = await fetch(`/api/newsroom/dossiers/${encodeURIComponent(dossier.id)}/draft`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ body: text, baseVersion: savedRef.current.version }),
          keepalive,
          credentials: "same-origin",
        });
        if (!response.ok) {
          const payload = (await response.json()) as { error?: { message?: string } };
          throw new Error(payload.error?.message ?? `The draft could not be saved (${response.status}).`);
        }
        lastPosted.current = text;
        setDraftState({ kind: "saved", at: new Date().toISOString() });
      } catch (error) {
        console.error("Autosave failed", error);
        setDraftState({ kind: "error", message: error instanceof Error ? error.message : "The draft could not be saved." });
      }
    },
    [dossier.id],
  );

  useEffect(() => {
    if (!props.canEdit || body === lastPosted.current) return;
    const timer = window.setTimeout(() => void postDraft(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [body, postDraft, props.canEdit]);

  useEffect(() => {
    if (!props.canEdit) return;
    const flush = () => {
      if (document.visibilityState === "hidden") void postDraft(true);
    };
    const leave = () => void postDraft(true);
    document.addEventListener("visibilitychange", flush);
    window.addEventListener("pagehide", leave);
    return () => {
      document.removeEventListener("visibilitychange", flush);
      window.removeEventListener("pagehide", leave);
    };
  }, [postDraft, props.canEdit]);

  // ── Preview, with claim passages found in the text being typed ──
  const previewBody = useDeferredValue(body);
  // The preview is built in the browser only: on the server it would repeat the whole article as
  // HTML, with every claim's passage marked, in a page that already carries the article twice (the
  // text area and its props) — megabytes for a long article (docs/decisions/101).
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const { tree, text, lost } = useMemo(() => {
    if (!inBrowser) return { tree: { type: "root" as const, children: [] }, text: "", lost: [] as EditorClaim[] };
    const root = markdownToHast(previewBody);
    const plain = hastText(root);
    const prepared = prepareText(plain);
    const marks: PassageMark[] = [];
    const missing: EditorClaim[] = [];
    for (const claim of props.claims) {
      const found = anchorQuote(prepared, { exact: claim.anchorExact, prefix: claim.anchorPrefix, suffix: claim.anchorSuffix }, claim.anchorStart);
      if (found.status === "anchored") {
        marks.push({ id: claim.id, start: found.start, end: found.end, markProperties: { className: ["passage"], title: `Claim: ${claim.text}` } });
      } else if (claim.anchorStatus === "anchored") missing.push(claim);
    }
    return { tree: applyPassageMarks(root, marks), text: plain, lost: missing };
  }, [previewBody, props.claims, inBrowser]);

  const dirty = body !== saved.body;

  // ── Saving ──
  function save(version: number, text = body, confirmOrphans = false) {
    setReport(null);
    setOrphanWarning(null);
    startTransition(async () => {
      if (text.length > ARTICLE_MAX) {
        // The schema's own words, before sending 10 MB the server would refuse anyway.
        setReport({ tone: "error", text: `The article must be at most ${ARTICLE_MAX.toLocaleString("en")} characters: it has ${text.length.toLocaleString("en")}. Nothing was saved; your text is still here (and in your draft).` });
        return;
      }
      const payload = { dossierId: dossier.id, version, body: text, note, confirmOrphans };
      const result = await callAction(() => props.saveArticle(null, payload), payload);
      if (result.ok) {
        const data = result.data;
        setSaved({ body: text, version: data.version, known: true });
        lastPosted.current = text;
        setConflict(null);
        setNote("");
        setShowRestored(false);
        setDraftState({ kind: "idle" });
        const details: string[] = [];
        for (const c of data.claims?.orphaned ?? []) details.push(`Lost its passage (now orphaned): “${c.text}”`);
        const restored = data.claims?.restored.length ?? 0;
        const moved = data.claims?.moved.length ?? 0;
        if (restored) details.push(restored === 1 ? "1 orphaned claim found its passage again." : `${restored} orphaned claims found their passage again.`);
        if (moved) details.push(moved === 1 ? "1 claim followed its passage." : `${moved} claims followed their passage.`);
        for (const c of data.claims?.recheck ?? []) details.push(`Its verdict now needs a re-check by an editor (its passage's words changed): “${c.text}”`);
        if (data.changed && dossier.published) details.push("Readers keep the published version until an editor publishes the update.");
        setReport({ tone: "success", text: data.changed ? `Saved as revision ${data.revision}.` : "Nothing to save: the article is unchanged.", details });
        router.refresh();
        return;
      }
      if (result.code === "RULE_VIOLATION" && isOrphanWarning(result.details)) {
        setOrphanWarning({ message: result.error, orphaned: result.details.orphaned, version, text });
        return;
      }
      if (result.code === "CONFLICT" && isArticleConflict(result.details)) {
        setConflict({
          message: result.error,
          theirs: result.details.current.body,
          currentVersion: result.details.currentVersion,
          base: savedRef.current.known ? savedRef.current.body : null,
        });
        return;
      }
      setReport({ tone: "error", text: result.error, details: result.fieldErrors ? Object.values(result.fieldErrors).flat() : undefined });
    });
  }

  function combine(c: ArticleConflictState, text: string) {
    setBody(text);
    setSaved({ body: c.theirs, version: c.currentVersion, known: true });
    setConflict(null);
    setReport({ tone: "success", text: "Now editing on top of the newer version. Review the text (see “Review unsaved changes”), then save." });
  }

  async function discard() {
    const result = await callAction(() => props.discardDraft(null, { dossierId: dossier.id }), { dossierId: dossier.id });
    if (!result.ok) {
      setReport({ tone: "error", text: result.error });
      return;
    }
    setBody(dossier.body);
    setSaved({ body: dossier.body, version: dossier.version, known: true });
    lastPosted.current = dossier.body;
    setShowRestored(false);
    setDraftState({ kind: "idle" });
  }

  /**
   * A paste from Word, Google Docs or a web page arrives as HTML: it goes in as Markdown with its
   * headings, links, emphasis, lists and quotations. Inserted as typing is (execCommand keeps the
   * browser's undo); Ctrl+Shift+V still pastes plain text, which carries no HTML.
   */
  function pasteRichText(event: React.ClipboardEvent<HTMLTextAreaElement>) {
    if (!props.canEdit) return;
    const html = event.clipboardData.getData("text/html");
    if (!html || !hasRichStructure(html)) return;
    const markdown = htmlToMarkdown(html);
    if (!markdown) return;
    event.preventDefault();
    const area = event.currentTarget;
    if (!document.execCommand("insertText", false, markdown)) {
      const { selectionStart: start, selectionEnd: end } = area;
      setBody((current) => current.slice(0, start) + markdown + current.slice(end));
    }
    setReport({ tone: "success", text: "Pasted with its formatting, as Markdown. To paste plain text instead, use Ctrl+Shift+V (⌘⇧V on a Mac)." });
  }

  function fromWord(markdown: string, text: string, warnings: string[]) {
    setBody(markdown);
    setReport({ tone: "success", text, details: warnings.length ? warnings : undefined });
  }

  return (
    <div className="editor">
      {showRestored && restored ? (
        <div className="alert alert--info" role="status">
          <p>
            Restored your unsaved draft from {formatDateTime(restored.updatedAt)}.{" "}
            {restored.stale ? "Someone saved the article since you started it: saving will show you both versions to combine." : null}
          </p>
          {props.canEdit ? (
            <button type="button" className="button button--quiet" onClick={() => void discard()}>
              Discard my draft
            </button>
          ) : null}
        </div>
      ) : null}

      {conflict ? <ArticleConflict conflict={conflict} mine={body} onCombine={combine} onOverwrite={() => save(conflict.currentVersion)} pending={pending} /> : null}

      {orphanWarning ? (
        <div role="alert" className="alert alert--warning">
          <p>
            <strong>Nothing was saved yet.</strong> This save would take {orphanWarning.orphaned.length === 1 ? "this published claim's passage" : "these published claims' passages"} out of the
            article:
          </p>
          <ul>
            {orphanWarning.orphaned.map((c) => (
              <li key={c.id} lang={dossier.language}>
                “{c.text}”
              </li>
            ))}
          </ul>
          <p>
            Saved anyway, {orphanWarning.orphaned.length === 1 ? "it is" : "they are"} kept, flagged as orphaned on the desk until re-attached. Readers keep the published version; an
            update published without re-attaching {orphanWarning.orphaned.length === 1 ? "it" : "them"} removes {orphanWarning.orphaned.length === 1 ? "it" : "them"} (the public update log
            keeps {orphanWarning.orphaned.length === 1 ? "it" : "them"}).
          </p>
          <div className="form__actions">
            <button type="button" className="button button--primary" disabled={pending} onClick={() => save(orphanWarning.version, orphanWarning.text, true)}>
              Save anyway
            </button>{" "}
            <button type="button" className="button" onClick={() => setOrphanWarning(null)}>
              Keep editing
            </button>
          </div>
        </div>
      ) : null}

      {report ? (
        <div role={report.tone === "error" ? "alert" : "status"} className={`alert alert--${report.tone}`}>
          <p>{report.text}</p>
          {report.details?.length ? (
            <ul>
              {report.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <div className="editor__panes">
        <div className="editor__pane">
          <h2 id={`${ids}-source`}>Markdown</h2>
          {props.canEdit ? <WordImport dossierId={dossier.id} hasText={body.trim() !== ""} maxLabel={props.uploadMaxLabel} onConverted={fromWord} /> : null}
          <label htmlFor={`${ids}-body`} className="visually-hidden">
            Article (Markdown)
          </label>
          <textarea
            id={`${ids}-body`}
            className="editor__text"
            // The text comes with the editor's props: written into the page's HTML as well, a long
            // article would go out twice (docs/decisions/103). Until the editor runs, it says so.
            value={inBrowser ? body : ""}
            placeholder={inBrowser ? undefined : "Loading the article…"}
            aria-busy={!inBrowser}
            onChange={(e) => setBody(e.target.value)}
            onPaste={pasteRichText}
            readOnly={!props.canEdit || !inBrowser}
            lang={dossier.language}
            spellCheck
            rows={24}
            aria-describedby={`${ids}-status`}
          />
          <p id={`${ids}-status`} className="meta" aria-live="polite">
            {dirty ? "Unsaved changes. " : "All changes saved. "}
            {draftState.kind === "saving" ? "Saving draft…" : null}
            {draftState.kind === "saved" && dirty ? `Draft kept at ${formatDateTime(draftState.at)}.` : null}
            {draftState.kind === "error" ? <span className="field__error">Draft not kept: {draftState.message}</span> : null}
          </p>
          {lost.length > 0 ? (
            <div className="alert alert--warning" role="note">
              <p>If you save now, {lost.length === 1 ? "this claim" : "these claims"} will lose {lost.length === 1 ? "its" : "their"} passage and be flagged as orphaned:</p>
              <ul>
                {lost.map((c) => (
                  <li key={c.id}>“{c.text}”</li>
                ))}
              </ul>
            </div>
          ) : null}
          {props.canEdit ? (
            <div className="editor__save">
              <div className="field">
                <label htmlFor={`${ids}-note`} className="field__label">
                  Note for the history (optional)
                </label>
                <input id={`${ids}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={NOTE_MAX_LENGTH} />
              </div>
              {/* Ctrl/Cmd+S presses it (keyboard-shortcuts.tsx). */}
              <button type="button" className="button button--primary" disabled={pending} onClick={() => save(saved.version)} data-shortcut-save aria-keyshortcuts="Control+S Meta+S">
                {pending ? "Saving…" : "Save article"}
              </button>
            </div>
          ) : (
            <p className="meta">Your role can read the article but not edit it.</p>
          )}
          {dirty ? (
            <details className="editor__changes" onToggle={(e) => setShowChanges(e.currentTarget.open)}>
              <summary>Review unsaved changes</summary>
              {/* Diffed only while open: no diff per keystroke on a long article. */}
              {showChanges ? <DiffView diff={diffArticle(saved.body, body)} fromLabel="the saved article" toLabel="your text" /> : null}
            </details>
          ) : null}
        </div>
        <div className="editor__pane">
          <h2 id={`${ids}-preview`}>Preview</h2>
          <ClaimMaker
            {...props}
            key={props.reattach?.id ?? "new"}
            text={text}
            tree={tree}
            dirty={dirty}
            savedVersion={saved.version}
            previewLabel={`${ids}-preview`}
            empty={inBrowser && previewBody.trim() === ""}
          />
        </div>
      </div>
    </div>
  );
}

const noSubscription = () => () => {};
