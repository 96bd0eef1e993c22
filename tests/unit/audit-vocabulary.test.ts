// The audit vocabulary (docs/decisions/108): a closed list of actions, each with its record kind,
// its snapshot shape (checked by the compiler: see the @ts-expect-error lines) and a label in
// English and French; stored rows are read without trusting them.
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, AUDIT_SUBJECT_MAX, describeAuditAction, isAuditAction, type AuditEntry } from "@/lib/domain/audit-actions";
import { messages } from "@/lib/i18n/messages";
import { NBSP, NNBSP } from "@/lib/i18n/typography";

describe("the audit vocabulary", () => {
  it("names every action thing.what, each about a kind of record", () => {
    expect(AUDIT_ACTION_NAMES.length).toBeGreaterThan(60);
    for (const name of AUDIT_ACTION_NAMES) {
      expect(name).toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
      expect(AUDIT_ACTIONS[name].entity).toMatch(/^[a-zA-Z-]+$/);
    }
  });

  it("has a label for every action and nothing else, in English and in French, each distinct", () => {
    for (const locale of ["en", "fr"] as const) {
      const labels = messages(locale).audit.actions;
      expect(Object.keys(labels).sort()).toEqual([...AUDIT_ACTION_NAMES].sort());
      const texts = AUDIT_ACTION_NAMES.map((a) => labels[a]!);
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(3);
      expect(new Set(texts).size).toBe(texts.length);
    }
    expect(messages("fr").audit.actions["claim.create"]).toBe("Affirmation créée");
    expect(messages("en").audit.actions["claim.create"]).toBe("Claim created");
  });

  it("typesets the French sentence around a record's words", () => {
    const fr = messages("fr").audit;
    expect(`${fr.subjectSeparator}${fr.subjectOpen}x${fr.subjectClose}`).toBe(`${NBSP}: «${NNBSP}x${NNBSP}»`);
    expect(fr.intro).toContain(`dossier${NBSP}:`);
  });

  it("reads the words naming each record from its snapshots", () => {
    expect(describeAuditAction({ action: "claim.create", before: null, after: { id: "c1", text: "The mayor  paid\nno tax." } })).toEqual({ action: "claim.create", subject: "The mayor paid no tax." });
    expect(describeAuditAction({ action: "claim.delete", before: { id: "c1", text: "Gone." }, after: null })).toEqual({ action: "claim.delete", subject: "Gone." });
    expect(describeAuditAction({ action: "verdict.propose", before: null, after: { claim: { text: "Nested." } } }).subject).toBe("Nested.");
    expect(describeAuditAction({ action: "user.set-role", before: {}, after: { email: "a@example.com", role: "editor" } }).subject).toBe("a@example.com");
    // Actions that name nothing, and empty words, read as their label alone.
    expect(describeAuditAction({ action: "dossier.publish", before: {}, after: { publishedVersion: 2 } })).toEqual({ action: "dossier.publish", subject: null });
    expect(describeAuditAction({ action: "article.save", before: {}, after: { note: "  " } }).subject).toBeNull();
    const long = describeAuditAction({ action: "quote.create", before: null, after: { text: "word ".repeat(100) } }).subject!;
    expect(long.length).toBe(AUDIT_SUBJECT_MAX);
    expect(long.endsWith("…")).toBe(true);
  });

  it("names a confidential source by its title as the snapshot holds it, never by its identity", () => {
    const after = { confidential: true, title: "A council employee", identity: "[confidential]", notes: "[confidential]" };
    expect(describeAuditAction({ action: "source.create", before: null, after }).subject).toBe("A council employee");
  });

  it("reads rows written before the vocabulary without failing", () => {
    // An action no longer (or never) in the vocabulary: shown as written by the page.
    expect(describeAuditAction({ action: "claim.verdict", before: null, after: { text: "x" } })).toEqual({ action: null, subject: null });
    expect(isAuditAction("toString")).toBe(false);
    expect(isAuditAction("claim.create")).toBe(true);
    // A known action whose snapshot lacks the fields, or is not an object at all.
    expect(describeAuditAction({ action: "verdict.propose", before: null, after: null })).toEqual({ action: "verdict.propose", subject: null });
    expect(describeAuditAction({ action: "claim.create", before: null, after: { value: 3 } })).toEqual({ action: "claim.create", subject: null });
    expect(describeAuditAction({ action: "entity.update", before: { name: 1 }, after: { name: { first: "x" } } }).subject).toBeNull();
  });

  it("refuses, at compile time, an unknown action, a wrong record kind or a wrong data shape", () => {
    const good: AuditEntry = { action: "webhook.pause", entityType: "webhook", entityId: "w1", before: { url: "https://x.test", active: true }, after: { url: "https://x.test", active: false } };
    // @ts-expect-error not an action of the vocabulary
    const unknown: AuditEntry = { action: "webhook.explode", entityType: "webhook", entityId: "w1" };
    // @ts-expect-error a webhook action is about a webhook
    const wrongKind: AuditEntry = { action: "webhook.pause", entityType: "claim", entityId: "w1", before: { url: "u", active: true }, after: { url: "u", active: false } };
    // @ts-expect-error a pause records the state before and after
    const missing: AuditEntry = { action: "webhook.pause", entityType: "webhook", entityId: "w1", after: { url: "u", active: false } };
    // @ts-expect-error a claim snapshot has its text
    const wrongShape: AuditEntry = { action: "claim.create", entityType: "claim", entityId: "c1", after: { id: "c1" } };
    // @ts-expect-error a creation has no state before
    const extra: AuditEntry = { action: "claim.create", entityType: "claim", entityId: "c1", before: { id: "c1", text: "x" }, after: { id: "c1", text: "x" } };
    expect([good, unknown, wrongKind, missing, wrongShape, extra].map((e) => e.action)).toHaveLength(6);
  });
});
