"use client";
// Making a claim from a passage of the saved article (or re-attaching an orphaned one): select the
// words in the preview — a "Make a claim" button appears at the selection and brings the form, filled
// from the whole selection, into view — or type them; offsets are taken in the preview's text,
// which is articleText() of the saved article. Typed words are found typography aside
// (lib/domain/passage-match.ts), and when they are not there the message says what differs.
import type { Root } from "hast";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { SeenBeforeLive } from "@/components/search/seen-before-live";
import { describeRange, type Anchor } from "@/lib/domain/anchoring";
import { matchPassage, passageProblem } from "@/lib/domain/passage-match";
import type { ArticleEditorProps } from "./article-editor";
import { ArticlePreview } from "./article-preview";
import { SelectionControl, type SelectionBox } from "./selection-control";
import { callAction } from "./call-action";
import { useHydrated } from "./use-hydrated";

/** Selecting a passage of the saved article's preview → a new claim, or a re-attached one. */
export function ClaimMaker(
  props: ArticleEditorProps & { text: string; tree: Root; dirty: boolean; savedVersion: number; previewLabel: string; empty: boolean },
) {
  const router = useRouter();
  const ids = useId().replace(/:/g, "");
  const previewRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const claimFieldRef = useRef<HTMLTextAreaElement>(null);
  const passageFieldRef = useRef<HTMLTextAreaElement>(null);
  /** The claim text last filled in from the selection: replaced as the selection grows, kept once edited. */
  const autoClaim = useRef("");
  /** Where the selection ends on screen, for the "Make a claim" button; null: no selection in the preview. */
  const [box, setBox] = useState<SelectionBox | null>(null);
  /** A mouse or finger is still selecting: the button waits for the selection's end. */
  const dragging = useRef(false);
  const [selection, setSelection] = useState<Anchor | null>(null);
  const [passage, setPassage] = useState("");
  const [claimText, setClaimText] = useState("");
  const [hedged, setHedged] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const reattach = props.reattach;
  const enabled = (props.canMakeClaims && !props.dirty) as boolean;

  useEffect(() => {
    function onSelectionChange() {
      const container = previewRef.current;
      const sel = document.getSelection();
      if (!container || !sel || sel.rangeCount === 0 || sel.isCollapsed) {
        // The selection went away (a click elsewhere): so does its button, unless it has the focus.
        if (!document.activeElement?.closest("[data-selection-control]")) setBox(null);
        return;
      }
      const range = sel.getRangeAt(0);
      if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
        setBox(null);
        return;
      }
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
      // A drag reports every step ("Immat", "Immatricul…"): the claim follows the selection to its
      // end, until the journalist writes their own words.
      const previous = autoClaim.current;
      autoClaim.current = anchor.exact;
      setClaimText((current) => (current.trim() === "" || current === previous ? anchor.exact : current));
      if (!dragging.current) setBox(selectionBox(range));
      setErrors({});
      setMessage(null);
    }
    /** The button follows the selection when the page or the preview scrolls. */
    function onMove() {
      if (dragging.current) return;
      const sel = document.getSelection();
      const container = previewRef.current;
      if (!container || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      const range = sel.getRangeAt(0);
      if (container.contains(range.startContainer) && container.contains(range.endContainer)) setBox(selectionBox(range));
    }
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && previewRef.current?.contains(event.target)) {
        dragging.current = true;
        setBox(null);
      }
    }
    function onPointerUp() {
      if (!dragging.current) return;
      dragging.current = false;
      onMove();
    }
    const listening = new AbortController();
    const { signal } = listening;
    document.addEventListener("selectionchange", onSelectionChange, { signal });
    document.addEventListener("pointerdown", onPointerDown, { signal });
    document.addEventListener("pointerup", onPointerUp, { signal });
    document.addEventListener("pointercancel", onPointerUp, { signal });
    window.addEventListener("scroll", onMove, { capture: true, signal });
    window.addEventListener("resize", onMove, { signal });
    return () => listening.abort();
  }, []);

  /** The button at the selection: the form, filled from the whole selection, comes into view. */
  function toForm() {
    setBox(null);
    const field = reattach ? passageFieldRef.current : claimFieldRef.current;
    formRef.current?.scrollIntoView({ block: "nearest" });
    field?.focus({ preventScroll: true });
    field?.scrollIntoView({ block: "center" });
    field?.setSelectionRange(field.value.length, field.value.length);
  }

  /** The passage as typed or selected, located in the preview's text. */
  function locate(): Anchor | string {
    const exact = passage.trim();
    if (!exact) return "Select a passage in the preview, or type its exact words.";
    if (selection && selection.exact === exact && props.text.slice(selection.start, selection.end) === exact) return selection;
    const match = matchPassage(props.text, exact);
    return match.status === "found" ? match.anchor : passageProblem(match)!;
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
      const reattachPayload = reattach ? { dossierId: props.dossier.id, claimId: reattach.id, version: reattach.version, selection: selectionInput } : null;
      const createPayload = { dossierId: props.dossier.id, selection: selectionInput, text: claimText, hedged };
      const result = reattachPayload
        ? await callAction(() => props.reattachClaim(null, reattachPayload), reattachPayload)
        : await callAction(() => props.createClaim(null, createPayload), createPayload);
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
      autoClaim.current = "";
      setHedged(false);
      if (reattach) router.replace(`/newsroom/dossiers/${props.dossier.slug}/claims/${reattach.id}`);
      else router.refresh();
    });
  }

  const errorOf = (name: string) => (errors[name]?.length ? errors[name]!.join(" ") : null);
  return (
    <>
      <ArticlePreview ref={previewRef} tree={props.tree} lang={props.dossier.language} labelledBy={props.previewLabel} empty={props.empty} />
      {props.canMakeClaims && enabled && hydrated && box ? (
        <SelectionControl box={box} label={reattach ? "Re-attach to the selection" : "Make a claim from the selection"} onActivate={toForm} />
      ) : null}
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
          <form ref={formRef} method="post" onSubmit={submit} noValidate aria-label={reattach ? "Re-attach the claim" : "New claim"}>
            <fieldset disabled={!enabled || pending || !hydrated} className="claim-maker__fields">
              <div className={`field${errorOf("passage") ? " field--invalid" : ""}`}>
                <label htmlFor={`${ids}-passage`} className="field__label">
                  Passage (exact words from the article)
                </label>
                <textarea ref={passageFieldRef} id={`${ids}-passage`} rows={2} value={passage} onChange={(e) => setPassage(e.target.value)} lang={props.dossier.language} aria-invalid={errorOf("passage") ? true : undefined} aria-describedby={errorOf("passage") ? `${ids}-passage-error` : undefined} />
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
                    <textarea ref={claimFieldRef} id={`${ids}-text`} rows={2} value={claimText} onChange={(e) => setClaimText(e.target.value)} lang={props.dossier.language} aria-invalid={errorOf("text") ? true : undefined} aria-describedby={errorOf("text") ? `${ids}-text-error` : undefined} />
                    {errorOf("text") ? (
                      <p id={`${ids}-text-error`} className="field__error">
                        {errorOf("text")}
                      </p>
                    ) : null}
                  </div>
                  <SeenBeforeLive text={claimText} dossierId={props.dossier.id} />
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

/** Where a selection ends on screen (its last line), in viewport coordinates. */
function selectionBox(range: Range): SelectionBox | null {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  const last = rects[rects.length - 1];
  const all = range.getBoundingClientRect();
  if (!last) return null;
  return { left: last.left, right: last.right, top: all.top, bottom: last.bottom };
}
