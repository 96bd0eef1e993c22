"use client";
// The comment box with its mention picker (docs/decisions/110): picking a colleague from the list
// and pressing Insert writes "@Their Name " where the cursor is, the same text the server reads as a mention
// (lib/domain/mentions.ts), so a mention can also simply be typed.
import { useId, useState } from "react";
import { mentionText } from "@/lib/domain/mentions";
import { useFieldState } from "./action-form";
import { TextArea } from "./fields";

export function CommentBodyField({ label, members }: { label: string; members: readonly { id: string; name: string }[] }) {
  const { id } = useFieldState("body");
  const pickerId = useId();
  const [picked, setPicked] = useState("");
  function insert(memberId: string) {
    const member = members.find((m) => m.id === memberId);
    const box = document.getElementById(id);
    if (!member || !(box instanceof HTMLTextAreaElement)) return;
    const at = box.selectionStart ?? box.value.length;
    const before = box.value.slice(0, at);
    const text = (before === "" || /\s$/.test(before) ? "" : " ") + mentionText(member.name);
    box.setRangeText(text, at, box.selectionEnd ?? at, "end");
    setPicked("");
    box.focus();
  }
  return (
    <>
      <TextArea name="body" label={label} hint="Write @ and a colleague's name to tell them, or pick them below." rows={3} required />
      {members.length > 0 ? (
        <div className="field">
          <label htmlFor={pickerId}>Mention a colleague</label>
          <select id={pickerId} value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">Choose a colleague…</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>{" "}
          <button type="button" className="button button--small button--quiet" disabled={picked === ""} onClick={() => insert(picked)}>
            Insert the mention
          </button>
        </div>
      ) : null}
    </>
  );
}
