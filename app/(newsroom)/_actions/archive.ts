"use server";
// The record: capturing a source, choosing what readers see of it.
import { defineAction } from "@/lib/http/action";
import { ArchiveSourceSchema, SetReaderCopySchema } from "@/lib/schemas/archive";
import { archiveSource } from "@/lib/server/archive/archive-source";
import { setReaderCopy } from "@/lib/server/archive/set-reader-copy";

export const archiveSourceAction = defineAction(ArchiveSourceSchema, archiveSource);
export const setReaderCopyAction = defineAction(SetReaderCopySchema, setReaderCopy);
