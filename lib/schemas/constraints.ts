// What a form's fields can know of their input schema before anything is sent: the longest text
// each accepts and whether it may be left empty. Read from the shared zod schema (the one the
// server action parses with), so a limit is declared once — `text("Note", 200)` — and reaches the
// rendered control as `maxlength="200"`; the server still checks everything.
import type { z } from "zod";

export interface FieldConstraint {
  /** The schema's `.max()` on the text (UTF-16 code units, like the browser's maxlength). */
  maxLength?: number;
  /** The schema's `.min()` on the text. */
  minLength?: number;
  /** The field cannot be left empty (a `.min(1)` on a text that is not optional or defaulted). */
  required?: boolean;
}

/** Plain data (a server page hands it to a client form): field name → what its schema says. */
export type FormConstraints = Record<string, FieldConstraint>;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The text schema a field's value ends up checked by, and whether it may be absent. */
function describe(schema: z.ZodType, optional = false): FieldConstraint {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
      return describe(def.innerType!, true);
    case "pipe": {
      // preprocess (transform → schema), .transform (schema → transform), .pipe (schema → schema):
      // the constraint is on whichever side is a schema with checks; a later string wins.
      const before = describe(def.in!, optional);
      const after = describe(def.out!, optional);
      const merged = { ...before, ...after };
      if (!optional && (before.required || after.required)) merged.required = true;
      return merged;
    }
    case "string": {
      const out: FieldConstraint = {};
      for (const check of def.checks ?? []) {
        const c = check._zod.def;
        if (c.check === "max_length" && c.maximum !== undefined) out.maxLength = Math.min(out.maxLength ?? Infinity, c.maximum);
        if (c.check === "min_length" && c.minimum !== undefined) out.minLength = Math.max(out.minLength ?? 0, c.minimum);
        if (c.check === "length_equals" && "length" in c) out.maxLength = out.minLength = (c as { length: number }).length;
      }
      if (!optional && (out.minLength ?? 0) > 0) out.required = true;
      return out;
    }
    default:
      return {};
  }
}

/** The constraints of every top-level field of an object schema (fields without any are left out). */
export function formConstraints(schema: z.ZodType): FormConstraints {
  let def = defOf(schema);
  // A schema refined as a whole (.superRefine on the object) or preprocessed is still an object inside.
  while (def.type === "pipe" || def.type === "optional" || def.type === "default") def = defOf(def.type === "pipe" ? (defOf(def.out!).type === "transform" ? def.in! : def.out!) : def.innerType!);
  if (def.type !== "object" || !def.shape) return {};
  const out: FormConstraints = {};
  for (const [name, field] of Object.entries(def.shape)) {
    const c = describe(field);
    if (c.maxLength !== undefined || c.minLength !== undefined || c.required) out[name] = c;
  }
  return out;
}
