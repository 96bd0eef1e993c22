"use client";
// The newsroom's keyboard shortcuts (docs/decisions/111) and the dialog that lists them, opened by
// "?" or the header's button. A tiny listener rather than a library: the pages mark what a
// shortcut acts on, and a shortcut only does what a click on that control would (the same
// validation, the same confirmation), never more:
// - data-shortcut-save on a button, or on an element holding a form: Ctrl/Cmd+S presses it (the
//   marked control around the focus, else the page's only one);
// - data-shortcut-list on a list and data-shortcut-item on each entry's link: j / k move between them;
// - data-shortcut="accept" | "reject" on an element holding a form: a / r bring the focus to its
//   first required field still empty, else its button (Enter then presses it, as for any button);
// - Ctrl/Cmd+Enter in a field presses its form's submit button.
// Letters never act while someone types in a field or while another dialog is open. The reader's
// pages do not load this.
import { useEffect, useId, useRef } from "react";

export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ["?"], what: "Show this list of shortcuts" },
  { keys: ["Ctrl", "S"], what: "Save (the article, the dossier's details); ⌘ S on a Mac. Works while typing." },
  { keys: ["j"], what: "Claims desk: go to the next claim (Enter opens it)" },
  { keys: ["k"], what: "Claims desk: go to the previous claim" },
  { keys: ["a"], what: "A claim's pending proposal: go to accepting it (Enter on the button accepts)" },
  { keys: ["r"], what: "A claim's pending proposal: go to rejecting it (write the reason, then Ctrl Enter)" },
  { keys: ["Ctrl", "Enter"], what: "In a form's field: send the form, as its button does" },
];

const typing = (el: Element | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset"].includes(el.type)));

const visible = (el: Element): boolean => el instanceof HTMLElement && el.getClientRects().length > 0;

const submitOf = (scope: Element): HTMLButtonElement | null =>
  scope instanceof HTMLButtonElement ? scope : ([...scope.querySelectorAll<HTMLButtonElement>('button[type="submit"], button:not([type])')].find((b) => visible(b) && !b.disabled) ?? null);

/** The marked control around the focus, else the page's only one. */
function markedControl(selector: string): Element | null {
  const around = document.activeElement?.closest(selector);
  if (around) return around;
  const all = [...document.querySelectorAll(selector)].filter(visible);
  return all.length === 1 ? all[0]! : null;
}

function press(scope: Element): boolean {
  const button = submitOf(scope);
  if (!button) return false;
  button.click();
  return true;
}

function moveInList(step: 1 | -1): boolean {
  const items = [...document.querySelectorAll<HTMLElement>("[data-shortcut-list] [data-shortcut-item]")].filter(visible);
  if (items.length === 0) return false;
  const at = items.findIndex((i) => i === document.activeElement || i.contains(document.activeElement));
  const next = at === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step));
  items[next]!.focus();
  items[next]!.scrollIntoView({ block: "nearest" });
  return true;
}

function goToDecision(kind: "accept" | "reject"): boolean {
  const scope = [...document.querySelectorAll(`[data-shortcut="${kind}"]`)].find(visible);
  if (!scope) return false;
  const field = [...scope.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea[required], input[required], textarea[aria-required="true"], input[aria-required="true"]')].find((f) => visible(f) && f.value.trim() === "");
  const target = field ?? submitOf(scope);
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: "center" });
  return true;
}

export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId().replace(/:/g, "");

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && !e.shiftKey && key === "s") {
        const control = markedControl("[data-shortcut-save]");
        // Nothing to save here: the browser's own Ctrl+S is left alone.
        if (control && press(control)) e.preventDefault();
        return;
      }
      if (mod && !e.altKey && e.key === "Enter") {
        const form = typing(document.activeElement) ? (document.activeElement as HTMLElement).closest("form") : null;
        if (form && press(form)) e.preventDefault();
        return;
      }
      if (mod || e.altKey || typing(document.activeElement)) return;
      const ours = dialog.current;
      // Another dialog (a confirmation) is open: its own keys only.
      if ([...document.querySelectorAll("dialog[open]")].some((d) => d !== ours)) return;
      if (ours?.open) return;
      let done = false;
      if (e.key === "?") {
        ours?.showModal();
        done = true;
      } else if (key === "j" && !e.shiftKey) done = moveInList(1);
      else if (key === "k" && !e.shiftKey) done = moveInList(-1);
      else if (key === "a" && !e.shiftKey) done = goToDecision("accept");
      else if (key === "r" && !e.shiftKey) done = goToDecision("reject");
      if (done) e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <button type="button" className="button button--quiet nr-shortcuts" aria-keyshortcuts="?" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        Shortcuts
      </button>
      <dialog ref={dialog} className="dialog shortcuts-dialog" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
        <p className="shortcuts-dialog__note">Letters do nothing while you type in a field; Ctrl S and Ctrl Enter work there too.</p>
        {/* A list, not a table: the layout holds it on every page, where pages' own tables are counted. */}
        <dl className="shortcuts-list">
          {SHORTCUTS.map((s) => (
            <div key={s.what} className="shortcuts-list__item">
              <dt>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? " + " : ""}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()} autoFocus>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
