"use client";
// "Start from a Word file": the .docx goes to the conversion route, the Markdown it gives comes
// back into the editor's text (nothing is saved until the journalist saves). Replacing text already
// in the editor is confirmed first; the saved article stays as it is until then, and the editor's
// "Review unsaved changes" shows what the conversion changed.
import { useId, useRef, useState } from "react";
import { useHydrated } from "./use-hydrated";

interface Props {
  dossierId: string;
  /** Whether the editor holds text that the conversion would replace. */
  hasText: boolean;
  maxLabel: string;
  onConverted: (markdown: string, report: string, warnings: string[]) => void;
}

type Pending = { markdown: string; filename: string; warnings: string[] };

export function WordImport({ dossierId, hasText, maxLabel, onConverted }: Props) {
  const hydrated = useHydrated();
  const id = useId().replace(/:/g, "");
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Pending | null>(null);

  function apply(p: Pending) {
    setConfirming(null);
    form.current?.reset();
    onConverted(p.markdown, `“${p.filename}” converted: review the text, then save the article. Nothing is saved until you do.`, p.warnings);
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setConfirming(null);
    try {
      const body = new FormData(event.currentTarget);
      const file = body.get("file");
      const filename = file && typeof file !== "string" ? file.name : "the file";
      const response = await fetch(`/api/newsroom/dossiers/${dossierId}/article-from-word`, { method: "POST", body });
      const json = (await response.json().catch(() => null)) as
        | { data: { markdown: string; warnings: string[] } }
        | { error: { message: string; fieldErrors?: Record<string, string[]> } }
        | null;
      if (!json || "error" in json) {
        const fields = json && "error" in json ? Object.values(json.error.fieldErrors ?? {}).flat() : [];
        setError(fields[0] ?? (json && "error" in json ? json.error.message : "The conversion failed: the article is unchanged. Try again."));
        return;
      }
      const converted = { markdown: json.data.markdown, filename, warnings: json.data.warnings };
      if (hasText) setConfirming(converted);
      else apply(converted);
    } catch {
      setError("The file could not reach the server: the article is unchanged. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="editor__import">
      <summary>Start from a Word file</summary>
      <form ref={form} onSubmit={submit} className="form" aria-label="Start the article from a Word file" encType="multipart/form-data">
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            Word file (.docx)
          </label>
          <p className="field__hint" id={`${id}-hint`}>
            Up to {maxLabel}. Headings, links, bold and italic, lists and quotations are kept; images and styling are left out. You can also paste from Word or
            Google Docs straight into the text.
          </p>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            required
            aria-invalid={!!error}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          />
          {error ? (
            <p className="field__error" id={`${id}-error`} role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={busy || !hydrated}>
          {busy ? "Converting…" : "Convert"}
        </button>
      </form>
      {confirming ? (
        <div className="alert alert--warning" role="alert">
          <p>
            Replace the text in the editor with “{confirming.filename}”? The saved article is unchanged until you save, and “Review unsaved changes” will show the
            difference.
          </p>
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={() => apply(confirming)}>
              Replace the text
            </button>{" "}
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              Keep my text
            </button>
          </div>
        </div>
      ) : null}
    </details>
  );
}
