// The limits a form's controls carry come from the same zod schema the server action parses with.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formConstraints } from "@/lib/schemas/constraints";
import { SaveArticleSchema, UpdateDossierSchema } from "@/lib/schemas/dossier";
import { optionalText, requiredText, text, verbatimText } from "@/lib/schemas/fields";
import { CreateEntitySchema, CreateQuoteSchema } from "@/lib/schemas/records";

describe("formConstraints", () => {
  it("reads each field helper's limit and whether it may be left empty", () => {
    const schema = z.object({ a: text("A", 200), b: requiredText("B", 300), c: optionalText("C", 50), d: verbatimText("D", 4000), e: z.string().optional() });
    expect(formConstraints(schema)).toEqual({
      a: { maxLength: 200 },
      b: { maxLength: 300, minLength: 1, required: true },
      c: { maxLength: 50 },
      d: { maxLength: 4000 },
    });
  });

  it("follows the shared schemas: the article's note, a dossier's summary, an entity's name", () => {
    expect(formConstraints(SaveArticleSchema).note).toEqual({ maxLength: 200 });
    const dossier = formConstraints(UpdateDossierSchema);
    expect(dossier.summary?.maxLength).toBe(1000);
    expect(dossier.title?.required).toBe(true);
    expect(formConstraints(CreateEntitySchema).name).toEqual({ maxLength: 200, minLength: 1, required: true });
  });

  it("sees through a schema refined as a whole, and never calls a field required that may be empty", () => {
    const quote = formConstraints(CreateQuoteSchema);
    expect(quote.text?.maxLength).toBe(4000);
    expect(quote.speakerLabel).toEqual({ maxLength: 300 });
    expect(quote.context).toEqual({ maxLength: 2000 });
    expect(formConstraints(z.object({ x: requiredText("X", 10).optional(), y: requiredText("Y", 10).default("y") }))).toEqual({ x: { maxLength: 10, minLength: 1 }, y: { maxLength: 10, minLength: 1 } });
  });

  it("changes with the schema: a new limit reaches the form without touching it", () => {
    expect(formConstraints(z.object({ note: text("Note", 120) })).note?.maxLength).toBe(120);
    expect(formConstraints(z.string())).toEqual({});
  });
});
