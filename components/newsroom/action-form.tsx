"use client";
// Every newsroom form: submits to a server action built with defineAction, shows the shared
// schema's messages next to each field (and a summary linking to them), keeps what was typed when
// a save is refused, and — when someone saved a newer version meanwhile — shows both versions
// field by field and lets the journalist merge or overwrite deliberately.
//
// It is a real form action (decision 107): before the page has hydrated, or without JavaScript,
// the browser posts the form to the server action and the page that comes back shows the result
// (useActionState) — the messages, or what was typed when refused. Once React runs, the same
// form is sent by JavaScript (onSubmit): size checked first, nothing reloaded, the fields kept.
import { useRouter } from "next/navigation";
import { createContext, useActionState, useContext, useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import { mergeFields, type FieldMerge, type FieldValue } from "@/lib/domain/field-merge";
import { FORM_ECHO_FIELD, type ActionResult, type SubmittedValues } from "@/lib/http/action-result";
import type { FieldConstraint, FormConstraints } from "@/lib/schemas/constraints";
import { callAction } from "./call-action";
import { describeValue, readField, toFieldValue, writeField } from "./form-values";
import { useHydrated } from "./use-hydrated";

type Action<T> = (previous: null, payload: FormData) => Promise<ActionResult<T>>;
type StateAction<T> = (previous: ActionResult<T> | null, payload: FormData) => Promise<ActionResult<T>>;

interface FormContextValue {
  formId: string;
  errors: Record<string, string[]>;
  /** From the input schema (formConstraints): the longest text, whether it may be left empty. */
  constraints?: FormConstraints;
}
const FormContext = createContext<FormContextValue>({ formId: "form", errors: {} });
/**
 * What the form sent when the server refused it without JavaScript: shown again in the fields.
 * Its own context, whose value changes only when that does: a hidden field (the version) is not
 * re-rendered by every state change of the form, which would undo a merge's new version.
 */
const SubmittedContext = createContext<SubmittedValues | undefined>(undefined);

/** For forms that do not post to a server action (sign-in): the same field error display. */
export function FieldErrorsProvider({ formId, errors, children }: { formId: string; errors: Record<string, string[]>; children: ReactNode }) {
  return <FormContext.Provider value={{ formId, errors }}>{children}</FormContext.Provider>;
}

/**
 * Only what a refused submission without JavaScript sent for `name`: for a hidden field, which
 * must not re-render with the form's every state change (a merge sets the version in the DOM).
 */
export function useSubmittedValue(name: string): string | string[] | undefined {
  return useContext(SubmittedContext)?.[name];
}

export function useFieldState(name: string): {
  id: string;
  errors: string[] | null;
  constraint: FieldConstraint;
  /** What was sent for this field in a refused submission without JavaScript; undefined otherwise. */
  submitted: string | string[] | undefined;
  /** True when the fields show a refused submission's values (an unticked checkbox is then absent). */
  resubmitting: boolean;
} {
  const { formId, errors, constraints } = useContext(FormContext);
  const submitted = useContext(SubmittedContext);
  return {
    id: `${formId}-${name.replace(/[^\w-]/g, "-")}`,
    errors: errors[name] ?? null,
    constraint: constraints?.[name] ?? {},
    submitted: submitted?.[name],
    resubmitting: !!submitted,
  };
}

interface ConflictInfo {
  merges: (FieldMerge & { mineText: string; theirsText: string })[];
  currentVersion: number;
  savedBy: string | null;
  savedAt: string | null;
  theirs: Record<string, FieldValue>;
}

export interface ActionFormProps<T> {
  action: Action<T>;
  children: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  /** Said (politely, to screen readers too) after a successful save. */
  successMessage?: string;
  /** Empty the form after success (forms that add a record to a list). */
  resetOnSuccess?: boolean;
  /** Editable fields compared when a save is refused as outdated, with their labels. */
  conflictFields?: Record<string, string>;
  className?: string;
  /** Accessible name of the form. */
  label?: string;
  /** Called after a successful save (a dialog closes itself, for one). */
  onSuccess?: (data: T) => void;
  /** Buttons shown next to the submit button (a dialog's Cancel). */
  secondaryActions?: ReactNode;
  /**
   * The fields' limits from the action's input schema: `formConstraints(UpdateSourceSchema)`.
   * Each text field then carries its schema's maxlength and "(required)".
   */
  constraints?: FormConstraints;
  /**
   * Shown after success (besides `successMessage`), from the action's answer: a one-time secret,
   * an invitation link. Rendered from the result, so it also appears without JavaScript; it
   * brings its own role="status" wrapper.
   */
  successContent?: (data: T) => ReactNode;
}

export function ActionForm<T>({ action, children, submitLabel, pendingLabel = "Saving…", successMessage, resetOnSuccess, conflictFields, className, label, onSuccess, secondaryActions, constraints, successContent }: ActionFormProps<T>) {
  const router = useRouter();
  // The result of a submission the browser made itself (before hydration, or without
  // JavaScript): the server renders the page with it. `undefined` below: none sent by JavaScript yet.
  const [posted, formAction] = useActionState(action as unknown as StateAction<T>, null);
  const [sent, setState] = useState<ActionResult<T> | null | undefined>(undefined);
  const state = sent === undefined ? posted : sent;
  // The typed values a refusal without JavaScript gave back are the fields' defaults until a save
  // succeeds (then the stored values are, and a form that empties itself empties after that).
  const [echoShown, setEchoShown] = useState(true);
  const [resets, setResets] = useState(0);
  useEffect(() => {
    if (resets) formRef.current?.reset();
  }, [resets]);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const formId = useId().replace(/:/g, "");
  const formRef = useRef<HTMLFormElement>(null);
  const baseRef = useRef<Record<string, FieldValue> | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [choices, setChoices] = useState<Record<string, "mine" | "theirs">>({});
  const [notice, setNotice] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const fields = Object.keys(conflictFields ?? {});

  const snapshot = () => Object.fromEntries(fields.map((f) => [f, formRef.current ? readField(formRef.current, f) : null]));

  useEffect(() => {
    // Only the first render's values are the base the journalist started from.
    baseRef.current = snapshot();
    // A save posted before hydration was refused as outdated: the fields show what was typed,
    // the base it started from is gone, so every field that differs is for the journalist to decide.
    if (posted && !posted.ok && posted.code === "CONFLICT" && fields.length && isConflictDetails(posted.details) && formRef.current) {
      const unknownBase = Object.fromEntries(fields.map((f) => [f, "\u0000"]));
      showConflict(formRef.current, snapshot(), posted.details, unknownBase, (m) => m.outcome === "conflict");
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function showConflict(form: HTMLFormElement, mine: Record<string, FieldValue>, details: ConflictDetails, base: Record<string, FieldValue>, keep: (m: FieldMerge) => boolean) {
    const theirs = Object.fromEntries(fields.map((f) => [f, toFieldValue(details.current[f])]));
    const merges = mergeFields(fields, base, mine, theirs)
      .filter(keep)
      .map((m) => ({ ...m, mineText: describeValue(form, m.field, m.mine), theirsText: describeValue(form, m.field, m.theirs) }));
    setConflict({ merges, theirs, currentVersion: details.currentVersion, savedBy: details.savedBy, savedAt: details.savedAt });
    setChoices(Object.fromEntries(merges.filter((m) => m.outcome === "conflict").map((m) => [m.field, "mine" as const])));
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const mine = snapshot();
    const data = new FormData(form);
    setNotice(null);
    startTransition(async () => {
      const result = await callAction(() => action(null, data), data);
      setState(result);
      if (result.ok) {
        setConflict(null);
        const echoed = echoShown && posted && !posted.ok && posted.submitted;
        if (echoed) {
          setEchoShown(false);
          if (resetOnSuccess) setResets((n) => n + 1);
        } else if (resetOnSuccess) form.reset();
        baseRef.current = snapshot();
        onSuccess?.(result.data);
        return;
      }
      const details = result.details;
      if (result.code === "CONFLICT" && fields.length && isConflictDetails(details)) showConflict(form, mine, details, baseRef.current ?? {}, (m) => m.outcome !== "unchanged");
      else setConflict(null);
      alertRef.current?.focus();
    });
  }

  function setVersion(version: number) {
    const input = formRef.current?.elements.namedItem("version");
    if (input instanceof HTMLInputElement) input.value = String(version);
  }

  function merge() {
    const form = formRef.current;
    if (!form || !conflict) return;
    for (const m of conflict.merges) {
      const take = m.outcome === "theirs" || (m.outcome === "conflict" && choices[m.field] === "theirs");
      writeField(form, m.field, take ? m.theirs : m.mine);
    }
    setVersion(conflict.currentVersion);
    baseRef.current = conflict.theirs;
    setConflict(null);
    setNotice("Merged with the newer version. Review the form, then save.");
  }

  function overwrite() {
    const form = formRef.current;
    if (!form || !conflict) return;
    for (const m of conflict.merges) writeField(form, m.field, m.mine);
    setVersion(conflict.currentVersion);
    baseRef.current = conflict.theirs;
    setConflict(null);
    form.requestSubmit();
  }

  const failure = state && !state.ok ? state : null;
  const errors = failure?.fieldErrors ?? {};
  // Only a refusal the server rendered (no JavaScript) gives back what was typed.
  const submitted = echoShown && posted && !posted.ok ? posted.submitted : undefined;
  return (
    <FormContext.Provider value={{ formId, errors, constraints }}>
      <SubmittedContext.Provider value={submitted}>
        <div className={className ?? "form"}>
          <div ref={alertRef} tabIndex={-1} className="form__messages">
            {failure && !conflict ? (
              <div role="alert" className="alert alert--error">
                <p>{failure.error}</p>
                {failure.code === "CONFLICT" && !hydrated ? (
                  // Refused without JavaScript: the form shows what was typed and still carries the
                  // version it started from, so sending it again cannot overwrite the newer one.
                  <p>Without JavaScript this form cannot merge the two versions: copy what you typed, then open this page again to see the newer version.</p>
                ) : null}
                {failure.code === "CONFLICT" && hydrated ? (
                  // A decision made on an outdated view (no field-by-field merge for it): show the
                  // current state; what was typed stays in the form.
                  <p>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        setState(null);
                        router.refresh();
                        setNotice("This page now shows the current state; what you typed is kept. Check it, then try again.");
                      }}
                    >
                      Show the current state
                    </button>
                  </p>
                ) : null}
                {Object.keys(errors).length > 0 ? (
                  <ul>
                    {Object.entries(errors).map(([name, messages]) => (
                      <li key={name}>
                        <a href={`#${formId}-${name.replace(/[^\w-]/g, "-")}`}>{messages.join(" ")}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            {conflict ? (
              <ConflictPanel
                conflict={conflict}
                labels={conflictFields ?? {}}
                message={failure?.error ?? ""}
                choices={choices}
                onChoose={(field, choice) => setChoices((c) => ({ ...c, [field]: choice }))}
                onMerge={merge}
                onOverwrite={overwrite}
              />
            ) : null}
            {state?.ok && successMessage && !pending && warningsOf(state.data).length === 0 ? (
              <p role="status" className="alert alert--success">
                {successMessage}
              </p>
            ) : null}
            {state?.ok && !pending && warningsOf(state.data).length > 0 ? (
              // Saved, with something a person should look at (e.g. a speaker description that
              // repeats what is withheld about a confidential source): said, not hidden.
              <div role="alert" className="alert alert--warning">
                {warningsOf(state.data).map((w) => (
                  <p key={w}>{w}</p>
                ))}
              </div>
            ) : null}
            {state?.ok && successContent && !pending ? successContent(state.data) : null}
            {notice ? (
              <p role="status" className="alert alert--info">
                {notice}
              </p>
            ) : null}
          </div>
          <form ref={formRef} action={formAction} onSubmit={submit} noValidate aria-label={label} aria-busy={pending}>
            {hydrated ? null : <input type="hidden" name={FORM_ECHO_FIELD} value="1" />}
            {children}
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={pending}>
                {pending ? pendingLabel : submitLabel}
              </button>
              {secondaryActions}
            </div>
          </form>
        </div>
      </SubmittedContext.Provider>
    </FormContext.Provider>
  );
}

/** A use case may return `warnings: string[]` with its data: saved, but worth a look. */
function warningsOf(data: unknown): string[] {
  const warnings = data && typeof data === "object" && "warnings" in data ? data.warnings : null;
  return Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === "string") : [];
}

type ConflictDetails = { current: Record<string, unknown>; currentVersion: number; savedBy: string | null; savedAt: string | null };

function isConflictDetails(value: unknown): value is ConflictDetails {
  return !!value && typeof value === "object" && "current" in value && "currentVersion" in value && typeof value.current === "object";
}

const OUTCOME: Record<FieldMerge["outcome"], string> = {
  unchanged: "unchanged",
  same: "Both of you made the same change",
  mine: "Only you changed it: yours is kept",
  theirs: "Only they changed it: theirs is taken",
  conflict: "You both changed it: choose",
};

function ConflictPanel(props: {
  conflict: ConflictInfo;
  labels: Record<string, string>;
  message: string;
  choices: Record<string, "mine" | "theirs">;
  onChoose: (field: string, choice: "mine" | "theirs") => void;
  onMerge: () => void;
  onOverwrite: () => void;
}) {
  const { conflict, labels } = props;
  const when = conflict.savedAt ? new Date(conflict.savedAt).toLocaleString("en-GB") : null;
  return (
    <section role="alert" className="alert alert--conflict conflict" aria-label="Someone saved a newer version">
      <h3>Someone saved a newer version</h3>
      <p>{props.message}</p>
      {conflict.savedBy || when ? (
        <p className="meta">
          Saved {conflict.savedBy ? `by ${conflict.savedBy}` : ""} {when ? `on ${when}` : ""} (version {conflict.currentVersion}).
        </p>
      ) : null}
      {conflict.merges.length === 0 ? (
        <p>Their changes and yours do not differ in the fields of this form.</p>
      ) : (
        <table className="conflict__table">
          <caption className="visually-hidden">Your version and the newer version, field by field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Your version</th>
              <th scope="col">Newer version</th>
              <th scope="col">Merge</th>
            </tr>
          </thead>
          <tbody>
            {conflict.merges.map((m) => (
              <tr key={m.field}>
                <th scope="row">{labels[m.field] ?? m.field}</th>
                <td className="conflict__value">{m.mineText}</td>
                <td className="conflict__value">{m.theirsText}</td>
                <td>
                  {m.outcome === "conflict" ? (
                    <fieldset className="conflict__choice">
                      <legend className="visually-hidden">Keep which {labels[m.field] ?? m.field}?</legend>
                      {(["mine", "theirs"] as const).map((choice) => (
                        <label key={choice}>
                          <input type="radio" name={`merge-${m.field}`} checked={props.choices[m.field] === choice} onChange={() => props.onChoose(m.field, choice)} />{" "}
                          {choice === "mine" ? "Keep mine" : "Use theirs"}
                        </label>
                      ))}
                    </fieldset>
                  ) : (
                    OUTCOME[m.outcome]
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="conflict__actions">
        <button type="button" className="button button--primary" onClick={props.onMerge}>
          Merge into the form
        </button>
        <button type="button" className="button button--danger" onClick={props.onOverwrite}>
          Overwrite with my version
        </button>
      </div>
      <p className="meta">Merging fills the form with the combined version for you to review; nothing is saved until you save. Overwriting saves your version over theirs now.</p>
    </section>
  );
}
