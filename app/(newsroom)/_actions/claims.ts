"use server";
import { defineAction } from "@/lib/http/action";
import { CreateClaimSchema, CreateEvidenceSchema, DeleteClaimSchema, DeleteEvidenceSchema, ReattachClaimSchema, UpdateClaimSchema, UpdateEvidenceSchema } from "@/lib/schemas/claims";
import { createClaim } from "@/lib/server/claims/create-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { reattachClaim } from "@/lib/server/claims/reattach-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { updateEvidence } from "@/lib/server/evidence/update-evidence";

export const createClaimAction = defineAction(CreateClaimSchema, createClaim);
export const updateClaimAction = defineAction(UpdateClaimSchema, updateClaim);
export const reattachClaimAction = defineAction(ReattachClaimSchema, reattachClaim);
export const deleteClaimAction = defineAction(DeleteClaimSchema, deleteClaim);
export const createEvidenceAction = defineAction(CreateEvidenceSchema, createEvidence);
export const updateEvidenceAction = defineAction(UpdateEvidenceSchema, updateEvidence);
export const deleteEvidenceAction = defineAction(DeleteEvidenceSchema, deleteEvidence);
