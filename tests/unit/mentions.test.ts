// @mentions in a comment (lib/domain/mentions.ts, docs/decisions/110).
import { describe, expect, it } from "vitest";
import { findMentions, mentionText } from "@/lib/domain/mentions";

const ana = { id: "1", name: "Ana" };
const anaMaria = { id: "2", name: "Ana Maria" };
const edouard = { id: "3", name: "Édouard Éditeur" };
const members = [ana, anaMaria, edouard];

describe("findMentions", () => {
  it("finds members by their full name after @, in order, each once", () => {
    expect(findMentions("@Édouard Éditeur and @Ana, then @Édouard Éditeur again", members)).toEqual([edouard, ana]);
  });

  it("ignores case and prefers the longest name", () => {
    expect(findMentions("@ana maria, can you check?", members)).toEqual([anaMaria]);
    expect(findMentions("@ÉDOUARD ÉDITEUR", members)).toEqual([edouard]);
  });

  it("needs the name to end there, and the @ to start a word", () => {
    expect(findMentions("@Anabel", members)).toEqual([]);
    expect(findMentions("write to ana@example.org", members)).toEqual([]);
    expect(findMentions("Ana without an at sign", members)).toEqual([]);
    expect(findMentions("(@Ana)", members)).toEqual([ana]);
  });

  it("reads what the comment box inserts", () => {
    expect(mentionText(" Édouard Éditeur ")).toBe("@Édouard Éditeur ");
    expect(findMentions(`Bonjour ${mentionText(edouard.name)}!`, members)).toEqual([edouard]);
  });

  it("ignores members without a name", () => {
    expect(findMentions("@ hello", [{ id: "4", name: "  " }])).toEqual([]);
  });
});
