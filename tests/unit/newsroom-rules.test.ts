// Pure rules behind the newsroom: web addresses from titles, the three-way merge of a refused
// save, readable article diffs, form fields as schema input.
import { describe, expect, it } from "vitest";
import { mergeField, mergeFields } from "@/lib/domain/field-merge";
import { slugify } from "@/lib/domain/slug";
import { diffArticle, mergeText } from "@/lib/domain/text-diff";
import { formDataToObject } from "@/lib/schemas/parse";

describe("slugify", () => {
  it("turns a French title into a readable ASCII web address", () => {
    expect(slugify("L’été où « Mistral » s’est tu !")).toBe("l-ete-ou-mistral-s-est-tu");
    expect(slugify("  ---  ")).toBe("");
    expect(slugify("a".repeat(100))).toHaveLength(80);
  });
});

describe("three-way field merge", () => {
  it("keeps my change, takes theirs, and flags only the fields both changed differently", () => {
    const base = { title: "A", summary: "S", hedged: false, claimIds: ["1", "2"] };
    const mine = { title: "A (mine)", summary: "S", hedged: true, claimIds: ["2", "1"] };
    const theirs = { title: "A (theirs)", summary: "S (theirs)", hedged: true, claimIds: ["1", "2"] };
    expect(mergeFields(["title", "summary", "hedged", "claimIds"], base, mine, theirs).map((m) => [m.field, m.outcome])).toEqual([
      ["title", "conflict"],
      ["summary", "theirs"],
      ["hedged", "same"],
      ["claimIds", "unchanged"],
    ]);
  });

  it("treats blank and missing values, and Windows line ends, as equal", () => {
    expect(mergeField("note", null, "", "  ").outcome).toBe("unchanged");
    expect(mergeField("body", "a\nb", "a\r\nb", "a\nb").outcome).toBe("unchanged");
    expect(mergeField("body", "x", "x", "y").outcome).toBe("theirs");
  });
});

describe("article diff", () => {
  it("shows changed words inside a changed line and counts lines", () => {
    const diff = diffArticle("One.\nThe mayor said yes.\nThree.\n", "One.\nThe mayor said no.\nThree.\nFour.\n");
    expect(diff.identical).toBe(false);
    expect([diff.addedLines, diff.removedLines]).toEqual([2, 1]);
    const removed = diff.rows.find((r) => r.kind === "removed");
    const added = diff.rows.find((r) => r.kind === "added");
    expect(removed && "parts" in removed && removed.parts.filter((p) => p.kind === "removed").map((p) => p.value)).toEqual(["yes"]);
    expect(added && "parts" in added && added.parts.filter((p) => p.kind === "added").map((p) => p.value)).toEqual(["no"]);
  });

  it("collapses long unchanged stretches around the changes", () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Line ${i}`);
    const changed = [...lines];
    changed[15] = "Changed";
    const diff = diffArticle(lines.join("\n"), changed.join("\n"), 2);
    expect(diff.rows[0]).toEqual({ kind: "skipped", count: 13 });
    expect(diff.rows[diff.rows.length - 1]).toEqual({ kind: "skipped", count: 12 });
    expect(diffArticle("same", "same").identical).toBe(true);
  });
});

describe("article merge", () => {
  const base = "Intro.\n\nMiddle one.\n\nMiddle two.\n\nEnd.\n";
  it("applies my edit on top of theirs when we changed different paragraphs", () => {
    const mine = base.replace("Intro.", "Intro, rewritten.");
    const theirs = base.replace("End.", "End, extended.");
    expect(mergeText(base, mine, theirs)).toEqual({ ok: true, text: "Intro, rewritten.\n\nMiddle one.\n\nMiddle two.\n\nEnd, extended.\n" });
  });

  it("refuses to guess when we changed the same paragraph", () => {
    expect(mergeText(base, base.replace("Middle one.", "Mine."), base.replace("Middle one.", "Theirs."))).toEqual({ ok: false });
  });
});

describe("form fields as input", () => {
  it("keeps repeated fields as lists and leaves React's own fields out", () => {
    const fd = new FormData();
    fd.append("claimIds", "a");
    fd.append("claimIds", "b");
    fd.append("title", "T");
    fd.append("$ACTION_REF_1", "");
    expect(formDataToObject(fd)).toEqual({ claimIds: ["a", "b"], title: "T" });
  });
});
