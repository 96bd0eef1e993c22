"use client";
// Uploading a document to a source, or as a new source. Sent to the upload route as multipart
// (not a server action: the body is a file); a refusal (too large, a type Dossier does not
// accept by its content) is shown next to the field, and nothing is stored.
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { ACCEPTED_UPLOADS_IN_WORDS } from "@/lib/domain/archive";
import { useHydrated } from "./use-hydrated";

interface Props {
  dossierId: string;
  /** Attach to this source; without it, the upload becomes a new source (title asked). */
  sourceId?: string;
  maxLabel: string;
  /** Where to go after a new source was made from the upload: this, followed by its id. */
  newSourceBase?: string;
}

export function DocumentUpload({ dossierId, sourceId, maxLabel, newSourceBase }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const id = useId().replace(/:/g, "");
  const form = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setDone(null);
    try {
      const body = new FormData(event.currentTarget);
      const response = await fetch(`/api/newsroom/dossiers/${dossierId}/documents`, { method: "POST", body });
      const json = (await response.json().catch(() => null)) as
        | { data: { document: { filename: string }; sourceId: string } }
        | { error: { message: string; fieldErrors?: Record<string, string[]> } }
        | null;
      if (!json || "error" in json) {
        setError({ message: json?.error.message ?? "The upload failed: nothing was stored. Try again.", fields: json?.error.fieldErrors ?? {} });
        return;
      }
      form.current?.reset();
      setDone(`“${json.data.document.filename}” uploaded.`);
      if (!sourceId && newSourceBase) router.push(`${newSourceBase}${json.data.sourceId}`);
      else router.refresh();
    } catch {
      setError({ message: "The upload could not reach the server: nothing was stored. Try again.", fields: {} });
    } finally {
      setPending(false);
    }
  }

  const fieldError = (name: string) => error?.fields[name]?.join(" ");
  return (
    <form ref={form} onSubmit={submit} className="form" aria-label={sourceId ? "Upload a document" : "Upload a document as a new source"} encType="multipart/form-data">
      <input type="hidden" name="sourceId" value={sourceId ?? ""} />
      {error ? (
        <div className="alert alert--error" role="alert">
          <p>{error.message}</p>
        </div>
      ) : null}
      {done ? (
        <p className="alert alert--success" role="status">
          {done}
        </p>
      ) : null}
      {!sourceId ? (
        <div className="field">
          <label htmlFor={`${id}-title`} className="field__label">
            Title of the new source<span className="field__required"> (required)</span>
          </label>
          <input id={`${id}-title`} name="newSourceTitle" required aria-invalid={!!fieldError("newSourceTitle")} aria-describedby={fieldError("newSourceTitle") ? `${id}-title-error` : undefined} />
          {fieldError("newSourceTitle") ? (
            <p className="field__error" id={`${id}-title-error`}>
              {fieldError("newSourceTitle")}
            </p>
          ) : null}
        </div>
      ) : null}
      {!sourceId ? (
        <fieldset className="fieldset">
          <legend>Confidentiality</legend>
          <div className="field field--checkbox">
            <span className="checkbox">
              <input id={`${id}-confidential`} name="newSourceConfidential" type="checkbox" />
              <label htmlFor={`${id}-confidential`}>Confidential source: readers must never be able to identify it</label>
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-description`} className="field__label">
              Public description
            </label>
            <p className="field__hint" id={`${id}-description-hint`}>
              What readers see instead, e.g. “a document from a former employee”. Required for a confidential source.
            </p>
            <input
              id={`${id}-description`}
              name="newSourcePublicDescription"
              aria-invalid={!!fieldError("newSourcePublicDescription")}
              aria-describedby={`${id}-description-hint${fieldError("newSourcePublicDescription") ? ` ${id}-description-error` : ""}`}
            />
            {fieldError("newSourcePublicDescription") ? (
              <p className="field__error" id={`${id}-description-error`}>
                {fieldError("newSourcePublicDescription")}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-file`} className="field__label">
          File<span className="field__required"> (required)</span>
        </label>
        <p className="field__hint" id={`${id}-file-hint`}>
          {ACCEPTED_UPLOADS_IN_WORDS}, up to {maxLabel}. The type is checked from the file’s content, not its name.
        </p>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          required
          aria-invalid={!!fieldError("file") || !!fieldError("bytes")}
          aria-describedby={`${id}-file-hint${fieldError("file") || fieldError("bytes") ? ` ${id}-file-error` : ""}`}
        />
        {fieldError("file") || fieldError("bytes") ? (
          <p className="field__error" id={`${id}-file-error`}>
            {fieldError("file") ?? fieldError("bytes")}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={pending || !hydrated}>
        {pending ? "Uploading…" : sourceId ? "Upload the document" : "Upload as a new source"}
      </button>
    </form>
  );
}
