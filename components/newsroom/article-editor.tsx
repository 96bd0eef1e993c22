"use client";
// The article editor: Markdown on one side, the live preview on the other. Typing is autosaved
// as a private draft (so a closed tab loses nothing); saving makes a revision and re-anchors the
// claims. A save over a newer version is refused and both versions are shown, to combine or to
// overwrite deliberately. Selecting a passage in the preview of the saved article makes a claim
// (or re-attaches an orphaned one).
import { useRouter } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { anchorQuote, describeRange, type Anchor } from "@/lib/domain/anchoring";
import { diffArticle, mergeText } from "@/lib/domain/text-diff";
import type { ActionResult } from "@/lib/http/action-result";
import { applyPassageMarks, type PassageMark } from "@/lib/markdown/marks";
import { hastText, markdownToHast } from "@/lib/markdown/render";
import { ArticlePreview } from "./article-preview";
import { DiffView } from "./diff-view";
import { formatDateTime } from "./labels";

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
  claims?: { orphaned: { id: string; text: string }[]; restored: string[]; moved: string[] };
}

interface SelectionInput {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface ArticleEditorProps {
  dossier: { id: string; slug: string; language: string; version: number; body: string };
  draft: { body: string; baseVersion: number; updatedAt: string; stale: boolean } | null;
  claims: EditorClaim[];
  canEdit: boolean;
  canMakeClaims: boolean;
  reattach: EditorClaim | null;
  saveArticle: Call<{ dossierId: string; version: number; body: string; note: string }, SaveReport>;
  createClaim: Call<{ dossierId: string; selection: SelectionInput; text: string; hedged: boolean }, unknown>;
  reattachClaim: Call<{ dossierId: string; claimId: string; version: number; selection: SelectionInput }, unknown>;
  discardDraft: Call<{ dossierId: string }, unknown>;
}

type DraftState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string };

interface Conflict {
  message: string;
  theirs: string;
  currentVersion: number;
  /** The text both versions started from, when known: enables combining them automatically. */
  base: string | null;
}

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
  const [conflict, setConflict] = useState<Conflict | null>(null);
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
  const { tree, text, lost } = useMemo(() => {
    const root = markdownToHast(previewBody);
    const plain = hastText(root);
    const marks: PassageMark[] = [];
    const missing: EditorClaim[] = [];
    for (const claim of props.claims) {
      const found = anchorQuote(plain, { exact: claim.anchorExact, prefix: claim.anchorPrefix, suffix: claim.anchorSuffix }, claim.anchorStart);
      if (found.status === "anchored") {
        marks.push({ id: claim.id, start: found.start, end: found.end, markProperties: { className: ["passage"], title: `Claim: ${claim.text}` } });
      } else if (claim.anchorStatus === "anchored") missing.push(claim);
    }
    return { tree: applyPassageMarks(root, marks), text: plain, lost: missing };
  }, [previewBody, props.claims]);

  const dirty = body !== saved.body;

  // ── Saving ──
  function save(version: number, text = body) {
    setReport(null);
    startTransition(async () => {
      const result = await props.saveArticle(null, { dossierId: dossier.id, version, body: text, note });
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
        if (data.claims?.restored.length) details.push(`${data.claims.restored.length} orphaned claim(s) found their passage again.`);
        if (data.claims?.moved.length) details.push(`${data.claims.moved.length} claim(s) followed their passage.`);
        setReport({ tone: "success", text: data.changed ? `Saved as revision ${data.revision}.` : "Nothing to save: the article is unchanged.", details });
        router.refresh();
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

  function combine(c: Conflict, text: string) {
    setBody(text);
    setSaved({ body: c.theirs, version: c.currentVersion, known: true });
    setConflict(null);
    setReport({ tone: "success", text: "Now editing on top of the newer version. Review the text (see “Review unsaved changes”), then save." });
  }

  async function discard() {
    const result = await props.discardDraft(null, { dossierId: dossier.id });
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
          <label htmlFor={`${ids}-body`} className="visually-hidden">
            Article (Markdown)
          </label>
          <textarea
            id={`${ids}-body`}
            className="editor__text"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            readOnly={!props.canEdit}
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
                <input id={`${ids}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
              </div>
              <button type="button" className="button button--primary" disabled={pending} onClick={() => save(saved.version)}>
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
            empty={previewBody.trim() === ""}
          />
        </div>
      </div>
    </div>
  );
}

function isArticleConflict(value: unknown): value is { current: { body: string }; currentVersion: number } {
  return !!value && typeof value === "object" && "current" in value && "currentVersion" in value && !!value.current && typeof value.current === "object" && "body" in value.current;
}

function ArticleConflict(props: { conflict: Conflict; mine: string; pending: boolean; onCombine: (c: Conflict, text: string) => void; onOverwrite: () => void }) {
  const { conflict, mine } = props;
  const merged = conflict.base !== null ? mergeText(conflict.base, mine, conflict.theirs) : null;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} tabIndex={-1} role="alert" className="alert alert--conflict conflict" aria-label="Someone saved a newer version of the article">
      <h2>Someone saved a newer version of the article</h2>
      <p>{conflict.message}</p>
      <h3>Their version compared with yours</h3>
      <DiffView diff={diffArticle(conflict.theirs, mine)} fromLabel="their version" toLabel="your version" />
      {merged?.ok ? (
        <p>Your changes and theirs touch different passages: they can be combined.</p>
      ) : (
        <p>{merged ? "You both changed the same passages: " : ""}Edit your text on top of their version to combine the two, or overwrite theirs.</p>
      )}
      <div className="conflict__actions">
        {merged?.ok ? (
          <button type="button" className="button button--primary" onClick={() => props.onCombine(conflict, merged.text)}>
            Combine both versions
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={() => props.onCombine(conflict, mine)}>
            Merge by hand on top of their version
          </button>
        )}
        <button type="button" className="button button--danger" disabled={props.pending} onClick={props.onOverwrite}>
          Overwrite with my version
        </button>
      </div>
      <p className="meta">Combining or merging changes only the editor; nothing is saved until you save. Overwriting saves your text now, replacing theirs (theirs stays in the history).</p>
    </section>
  );
}

/** Selecting a passage of the saved article's preview → a new claim, or a re-attached one. */
function ClaimMaker(
  props: ArticleEditorProps & { text: string; tree: ReturnType<typeof markdownToHast>; dirty: boolean; savedVersion: number; previewLabel: string; empty: boolean },
) {
  const router = useRouter();
  const ids = useId().replace(/:/g, "");
  const previewRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<Anchor | null>(null);
  const [passage, setPassage] = useState("");
  const [claimText, setClaimText] = useState("");
  const [hedged, setHedged] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const reattach = props.reattach;
  const enabled = (props.canMakeClaims && !props.dirty) as boolean;

  useEffect(() => {
    function onSelectionChange() {
      const container = previewRef.current;
      const sel = document.getSelection();
      if (!container || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      const range = sel.getRangeAt(0);
      if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return;
      const offset = (node: Node, at: number) => {
        const r = document.createRange();
        r.selectNodeContents(container);
        r.setEnd(node, at);
        return r.toString().length;
      };
      const full = container.textContent ?? "";
      let start = offset(range.startContainer, range.startOffset);
      let end = offset(range.endContainer, range.endOffset);
      while (start < end && /\s/.test(full[start]!)) start++;
      while (end > start && /\s/.test(full[end - 1]!)) end--;
      if (end <= start) return;
      const anchor = describeRange(full, start, end);
      setSelection(anchor);
      setPassage(anchor.exact);
      setClaimText((current) => (current.trim() === "" ? anchor.exact : current));
      setErrors({});
      setMessage(null);
    }
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, []);

  /** The passage as typed or selected, located in the preview's text. */
  function locate(): Anchor | string {
    const exact = passage.trim();
    if (!exact) return "Select a passage in the preview, or type its exact words.";
    if (selection && selection.exact === exact && props.text.slice(selection.start, selection.end) === exact) return selection;
    const hits: number[] = [];
    for (let i = props.text.indexOf(exact); i !== -1; i = props.text.indexOf(exact, i + 1)) hits.push(i);
    if (hits.length === 0) return "These words are not in the saved article. Copy them exactly, or select them in the preview.";
    if (hits.length > 1) return `These words appear ${hits.length} times in the article: select the one you mean in the preview.`;
    return describeRange(props.text, hits[0]!, hits[0]! + exact.length);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = locate();
    if (typeof found === "string") {
      setErrors({ passage: [found] });
      return;
    }
    if (!reattach && claimText.trim() === "") {
      setErrors({ text: ["The claim is required: state what the passage asserts."] });
      return;
    }
    setErrors({});
    const selectionInput = { exact: found.exact, prefix: found.prefix, suffix: found.suffix, start: found.start, end: found.end };
    startTransition(async () => {
      const result = reattach
        ? await props.reattachClaim(null, { dossierId: props.dossier.id, claimId: reattach.id, version: reattach.version, selection: selectionInput })
        : await props.createClaim(null, { dossierId: props.dossier.id, selection: selectionInput, text: claimText, hedged });
      if (!result.ok) {
        const fieldErrors = result.fieldErrors ?? {};
        setErrors({
          passage: [...(fieldErrors.selection ?? []), ...(fieldErrors["selection.exact"] ?? [])],
          text: fieldErrors.text ?? [],
        });
        setMessage({ tone: "error", text: result.error });
        return;
      }
      setMessage({ tone: "success", text: reattach ? "Claim re-attached to the passage." : "Claim created: its passage is now highlighted." });
      setSelection(null);
      setPassage("");
      setClaimText("");
      setHedged(false);
      if (reattach) router.replace(`/newsroom/dossiers/${props.dossier.slug}/claims/${reattach.id}`);
      else router.refresh();
    });
  }

  const errorOf = (name: string) => (errors[name]?.length ? errors[name]!.join(" ") : null);
  return (
    <>
      <ArticlePreview ref={previewRef} tree={props.tree} lang={props.dossier.language} labelledBy={props.previewLabel} empty={props.empty} />
      {props.canMakeClaims ? (
        <section className="claim-maker" aria-labelledby={`${ids}-title`}>
          <h2 id={`${ids}-title`}>{reattach ? `Re-attach the claim “${reattach.text}”` : "Make a claim from a passage"}</h2>
          {reattach ? <p className="meta">Its old passage was: “{reattach.anchorExact}”. Select the passage that now makes this claim.</p> : null}
          {!enabled ? (
            <p className="alert alert--info">Save the article first: claims are made from the saved text, which readers see.</p>
          ) : (
            <p className="meta">Select the words in the preview (or type them exactly below).</p>
          )}
          {message ? (
            <p role={message.tone === "error" ? "alert" : "status"} className={`alert alert--${message.tone}`}>
              {message.text}
            </p>
          ) : null}
          <form onSubmit={submit} noValidate aria-label={reattach ? "Re-attach the claim" : "New claim"}>
            <fieldset disabled={!enabled || pending} className="claim-maker__fields">
              <div className={`field${errorOf("passage") ? " field--invalid" : ""}`}>
                <label htmlFor={`${ids}-passage`} className="field__label">
                  Passage (exact words from the article)
                </label>
                <textarea id={`${ids}-passage`} rows={2} value={passage} onChange={(e) => setPassage(e.target.value)} lang={props.dossier.language} aria-invalid={errorOf("passage") ? true : undefined} aria-describedby={errorOf("passage") ? `${ids}-passage-error` : undefined} />
                {errorOf("passage") ? (
                  <p id={`${ids}-passage-error`} className="field__error">
                    {errorOf("passage")}
                  </p>
                ) : null}
              </div>
              {!reattach ? (
                <>
                  <div className={`field${errorOf("text") ? " field--invalid" : ""}`}>
                    <label htmlFor={`${ids}-text`} className="field__label">
                      The claim, stated plainly
                    </label>
                    <textarea id={`${ids}-text`} rows={2} value={claimText} onChange={(e) => setClaimText(e.target.value)} lang={props.dossier.language} aria-invalid={errorOf("text") ? true : undefined} aria-describedby={errorOf("text") ? `${ids}-text-error` : undefined} />
                    {errorOf("text") ? (
                      <p id={`${ids}-text-error`} className="field__error">
                        {errorOf("text")}
                      </p>
                    ) : null}
                  </div>
                  <div className="field field--checkbox">
                    <span className="checkbox">
                      <input id={`${ids}-hedged`} type="checkbox" checked={hedged} onChange={(e) => setHedged(e.target.checked)} />
                      <label htmlFor={`${ids}-hedged`}>The article hedges or attributes it (“reportedly”, “according to…”)</label>
                    </span>
                  </div>
                </>
              ) : null}
              <button type="submit" className="button button--primary">
                {pending ? "Saving…" : reattach ? "Re-attach to this passage" : "Make a claim"}
              </button>
            </fieldset>
          </form>
        </section>
      ) : null}
    </>
  );
}
