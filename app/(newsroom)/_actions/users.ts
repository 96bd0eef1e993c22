"use server";
import { defineAction } from "@/lib/http/action";
import { CreatePasswordResetSchema, InviteUserSchema, RevokeInvitationSchema, SetUserActiveSchema, SetUserRoleSchema } from "@/lib/schemas/auth";
import { createPasswordReset } from "@/lib/server/users/create-password-reset";
import { inviteUser } from "@/lib/server/users/invite-user";
import { revokeInvitation } from "@/lib/server/users/revoke-invitation";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { setUserRole } from "@/lib/server/users/set-user-role";

export const inviteUserAction = defineAction(InviteUserSchema, inviteUser);
export const revokeInvitationAction = defineAction(RevokeInvitationSchema, revokeInvitation);
export const setUserRoleAction = defineAction(SetUserRoleSchema, setUserRole);
export const setUserActiveAction = defineAction(SetUserActiveSchema, setUserActive);
export const createPasswordResetAction = defineAction(CreatePasswordResetSchema, createPasswordReset);
