"use client";
// Creating a personal API token: name, scope, expiry. The secret comes back once, in the action's
// answer, and is shown here once — with a copy button and the warning that it will not be shown
// again. It lives only in the form's result (shown from it, so also without JavaScript):
// reloading the page drops it for good.
import { useId, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import type { UiMessages } from "@/lib/i18n/messages";

/**
 * The page's messages as plain strings (a client component receives no functions): the
 * expiry choices already worded, the heading with a {name} placeholder.
 */
export type ApiTokenFormText = Omit<UiMessages["apiTokens"], "days" | "secretHeading" | "revokeTitle"> & {
  expiryOptions: { value: string; label: string }[];
  secretHeading: string;
};
import { formConstraints } from "@/lib/schemas/constraints";
import { CreateApiTokenSchema } from "@/lib/schemas/api-tokens";
import { ActionForm } from "./action-form";
import { RadioGroup, SelectField, TextField } from "./fields";

const CONSTRAINTS = formConstraints(CreateApiTokenSchema);

type Created = { secret: string; token: { name: string } };

export function ApiTokenForm({ action, t, defaultDays }: { action: (previous: null, payload: FormData) => Promise<ActionResult<Created>>; t: ApiTokenFormText; defaultDays: number }) {
  return (
    <ActionForm action={action} constraints={CONSTRAINTS} submitLabel={t.submit} pendingLabel={t.pending} successMessage={t.created} resetOnSuccess label={t.createHeading} successContent={(created) => <TokenSecret key={created.secret} created={created} t={t} />}>
      <TextField name="name" label={t.name} hint={t.nameHint} required autoComplete="off" />
      <RadioGroup name="scope" label={t.scope} required defaultValue="read" options={(["read", "write"] as const).map((value) => ({ value, label: t.scopes[value]! }))} />
      <SelectField name="expiresInDays" label={t.expiry} hint={t.expiryHint} defaultValue={String(defaultDays)} options={t.expiryOptions} />
    </ActionForm>
  );
}

function TokenSecret({ created, t }: { created: Created; t: ApiTokenFormText }) {
  const id = useId().replace(/:/g, "");
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  return (
    <section role="status" aria-labelledby={`${id}-heading`} className="alert alert--warning api-token-secret">
      <h3 id={`${id}-heading`}>{t.secretHeading.replace("{name}", created.token.name)}</h3>
      <p>
        <strong>{t.secretWarning}</strong>
      </p>
      <label htmlFor={`${id}-secret`} className="field__label">
        {t.secretLabel}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t.copyHint} <code>Authorization: Bearer dsr_…</code>
      </p>
      <input id={`${id}-secret`} readOnly value={created.secret} className="invite-link" aria-describedby={`${id}-hint`} onFocus={(e) => e.currentTarget.select()} data-testid="api-token-secret" />
      <p>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            // The clipboard exists on secure origins only (https, localhost).
            if (!navigator.clipboard) return setCopy("failed");
            navigator.clipboard.writeText(created.secret).then(
              () => setCopy("copied"),
              () => setCopy("failed"),
            );
          }}
        >
          {t.copy}
        </button>{" "}
        <span aria-live="polite">{copy === "copied" ? t.copied : copy === "failed" ? t.copyFailed : ""}</span>
      </p>
    </section>
  );
}
