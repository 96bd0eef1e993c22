// Inputs about sources. A confidential source needs what readers see instead of its identity.
import { z } from "zod";
import { RELIABILITIES, SOURCE_KINDS } from "@/lib/domain/vocabulary";
import { checkbox, choice, httpUrl, id, isoDay, optionalEdtfDate, optionalText, requiredText, version } from "./fields";

/** A source's own fields (newsroom forms and content files alike). */
export const SourceFields = {
  kind: choice(SOURCE_KINDS, "kind of source"),
  title: requiredText("Title", 300),
  url: httpUrl,
  publisher: optionalText("Publisher", 200),
  author: optionalText("Author", 200),
  date: optionalEdtfDate,
  accessedAt: isoDay,
  reliability: choice(RELIABILITIES, "reliability"),
  confidential: checkbox,
  publicDescription: optionalText("Public description", 300),
  /**
   * For roles without source:view-confidential these (and a confidential source's title) are
   * write-only: an empty value keeps what is stored (they never saw it), a value replaces it
   * (docs/permissions.md).
   */
  identity: optionalText("Identity", 1000),
  notes: optionalText("Notes", 4000),
};
const sourceFields = SourceFields;

export const needsPublicDescription = (s: { confidential: boolean; publicDescription: string | null }) => !s.confidential || !!s.publicDescription;
export const publicDescriptionIssue = {
  message: "A confidential source needs a public description: what readers see instead of its identity.",
  path: ["publicDescription"],
};

export const CreateSourceSchema = z.object({ dossierId: id("dossier"), ...sourceFields }).refine(needsPublicDescription, publicDescriptionIssue);
export type CreateSourceInput = z.infer<typeof CreateSourceSchema>;

/**
 * The title may be left empty only by a role that cannot read a confidential source's title: it
 * is write-only for them, like identity and notes. The use case refuses an empty title otherwise.
 */
export const UpdateSourceSchema = z
  .object({ dossierId: id("dossier"), sourceId: id("source"), version, ...sourceFields, title: optionalText("Title", 300) })
  .refine(needsPublicDescription, publicDescriptionIssue);
export type UpdateSourceInput = z.infer<typeof UpdateSourceSchema>;

export const DeleteSourceSchema = z.object({ dossierId: id("dossier"), sourceId: id("source") });
