"use client";
// Labelled form controls whose error messages (from the shared zod schema, via the server
// action) appear right next to them and are announced with the control.
import type { ReactNode } from "react";
import { useFieldState, useSubmittedValue } from "./action-form";

interface Common {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
}

function Described({ id, hint, errors, children }: { id: string; hint?: ReactNode; errors: string[] | null; children: (describedBy: string | undefined) => ReactNode }) {
  const ids = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children(ids)}
      {errors ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">Error: </span>
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/** A refused submission's value (no JavaScript) wins over the stored one; one value for a single control. */
const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const Label = ({ id, label, required }: { id: string; label: string; required?: boolean }) => (
  <label htmlFor={id} className="field__label">
    {label}
    {required ? <span className="field__required"> (required)</span> : null}
  </label>
);

export function TextField(props: Common & { defaultValue?: string | null; type?: "text" | "email" | "password" | "url" | "date"; autoComplete?: string; lang?: string; placeholder?: string }) {
  const { id, errors, constraint, submitted } = useFieldState(props.name);
  const required = props.required ?? constraint.required;
  // A password is never sent back (lib/http/action.ts), nor shown again.
  const typed = props.type === "password" ? undefined : firstOf(submitted);
  return (
    <div className={`field${errors ? " field--invalid" : ""}`}>
      <Label id={id} label={props.label} required={required} />
      <Described id={id} hint={props.hint} errors={errors}>
        {(describedBy) => (
          <input
            id={id}
            name={props.name}
            type={props.type ?? "text"}
            defaultValue={typed ?? props.defaultValue ?? ""}
            maxLength={constraint.maxLength}
            autoComplete={props.autoComplete}
            placeholder={props.placeholder}
            lang={props.lang}
            aria-invalid={errors ? true : undefined}
            aria-required={required || undefined}
            aria-describedby={describedBy}
          />
        )}
      </Described>
    </div>
  );
}

export function TextArea(props: Common & { defaultValue?: string | null; rows?: number; lang?: string; placeholder?: string }) {
  const { id, errors, constraint, submitted } = useFieldState(props.name);
  const required = props.required ?? constraint.required;
  return (
    <div className={`field${errors ? " field--invalid" : ""}`}>
      <Label id={id} label={props.label} required={required} />
      <Described id={id} hint={props.hint} errors={errors}>
        {(describedBy) => (
          <textarea
            id={id}
            name={props.name}
            rows={props.rows ?? 3}
            defaultValue={firstOf(submitted) ?? props.defaultValue ?? ""}
            maxLength={constraint.maxLength}
            lang={props.lang}
            placeholder={props.placeholder}
            aria-invalid={errors ? true : undefined}
            aria-required={required || undefined}
            aria-describedby={describedBy}
          />
        )}
      </Described>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: Common & { options: readonly Option[]; defaultValue?: string | null; emptyLabel?: string }) {
  const { id, errors, submitted } = useFieldState(props.name);
  return (
    <div className={`field${errors ? " field--invalid" : ""}`}>
      <Label id={id} label={props.label} required={props.required} />
      <Described id={id} hint={props.hint} errors={errors}>
        {(describedBy) => (
          <select id={id} name={props.name} defaultValue={firstOf(submitted) ?? props.defaultValue ?? ""} aria-invalid={errors ? true : undefined} aria-required={props.required || undefined} aria-describedby={describedBy}>
            {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
            {props.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Described>
    </div>
  );
}

export function CheckboxField(props: Omit<Common, "required"> & { defaultChecked?: boolean }) {
  const { id, errors, submitted, resubmitting } = useFieldState(props.name);
  return (
    <div className={`field field--checkbox${errors ? " field--invalid" : ""}`}>
      <Described id={id} hint={props.hint} errors={errors}>
        {(describedBy) => (
          <span className="checkbox">
            <input id={id} type="checkbox" name={props.name} defaultChecked={resubmitting ? submitted !== undefined : props.defaultChecked} aria-invalid={errors ? true : undefined} aria-describedby={describedBy} />
            <label htmlFor={id}>{props.label}</label>
          </span>
        )}
      </Described>
    </div>
  );
}

/** Several linked records, as a group of checkboxes sharing one name. */
export function CheckboxGroup(props: Omit<Common, "required"> & { options: readonly Option[]; defaultValues?: readonly string[]; emptyText: string }) {
  const { id, errors, submitted, resubmitting } = useFieldState(props.name);
  const checked = resubmitting ? [submitted ?? []].flat() : props.defaultValues;
  return (
    <fieldset className={`field field--group${errors ? " field--invalid" : ""}`} aria-describedby={errors ? `${id}-error` : undefined}>
      <legend className="field__label">{props.label}</legend>
      <Described id={id} hint={props.hint} errors={errors}>
        {() =>
          props.options.length === 0 ? (
            <p className="empty" id={id}>
              {props.emptyText}
            </p>
          ) : (
            <ul className="checkbox-list" id={id}>
              {props.options.map((o) => (
                <li key={o.value}>
                  <input id={`${id}-${o.value}`} type="checkbox" name={props.name} value={o.value} data-group="true" defaultChecked={checked?.includes(o.value)} />
                  <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
                </li>
              ))}
            </ul>
          )
        }
      </Described>
    </fieldset>
  );
}

export function Hidden({ name, value }: { name: string; value: string | number }) {
  // After a refusal without JavaScript, the value sent (e.g. the version the edit started from:
  // sending again must not silently overwrite a newer save).
  const submitted = useSubmittedValue(name);
  return <input type="hidden" name={name} value={firstOf(submitted) ?? value} />;
}

export interface RadioOption extends Option {
  /** Said under the choice and read with it (e.g. what a verdict means). */
  description?: string;
  /** A warning about this choice for this person (e.g. four eyes), read with it. */
  note?: string;
}

/** One choice among a few, each explained: radios sharing one name in a labelled group. */
export function RadioGroup(props: Common & { options: readonly RadioOption[]; defaultValue?: string | null }) {
  const { id, errors, submitted, resubmitting } = useFieldState(props.name);
  const chosen = resubmitting ? firstOf(submitted) : props.defaultValue;
  const groupDescribedBy = [props.hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      id={id}
      className={`field field--group field--radios${errors ? " field--invalid" : ""}`}
      aria-describedby={groupDescribedBy}
      aria-required={props.required || undefined}
      role="radiogroup"
      aria-invalid={errors ? true : undefined}
    >
      <legend className="field__label">
        {props.label}
        {props.required ? <span className="field__required"> (required)</span> : null}
      </legend>
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      {errors ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">Error: </span>
          {errors.join(" ")}
        </p>
      ) : null}
      <ul className="radio-list">
        {props.options.map((o) => {
          const optionId = `${id}-${o.value.replace(/[^\w-]/g, "-")}`;
          const described = [o.description ? `${optionId}-desc` : null, o.note ? `${optionId}-note` : null].filter(Boolean).join(" ") || undefined;
          return (
            <li key={o.value}>
              <input id={optionId} type="radio" name={props.name} value={o.value} defaultChecked={chosen === o.value} aria-describedby={described} />
              <div>
                <label htmlFor={optionId}>{o.label}</label>
                {o.description ? (
                  <p id={`${optionId}-desc`} className="radio-list__description">
                    {o.description}
                  </p>
                ) : null}
                {o.note ? (
                  <p id={`${optionId}-note`} className="radio-list__note">
                    {o.note}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
