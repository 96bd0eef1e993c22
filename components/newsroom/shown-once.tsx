"use client";
// A value Dossier shows once after a save (an invitation link, a webhook's signing secret): said
// politely, in a read-only field that selects itself for copying.
import type { ReactNode } from "react";

export function ShownOnce({ id, label, value, children }: { id: string; label: string; value: string; children: ReactNode }) {
  return (
    <div role="status" className="alert alert--success">
      <p>{children}</p>
      <p>
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        <input id={id} readOnly value={value} className="invite-link" onFocus={(e) => e.currentTarget.select()} />
      </p>
    </div>
  );
}
