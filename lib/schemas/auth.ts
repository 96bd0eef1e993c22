// Inputs of sign-in, invitations and user management.
import { z } from "zod";
import { ROLES } from "@/lib/domain/permissions";
import { checkbox, choice, id, requiredText, safeString } from "./fields";

/** Mirrors lib/server/auth/auth.ts (Better Auth refuses shorter passwords too). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const email = safeString("The email address", { error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((v) => v.toLowerCase());

export const SignInSchema = z.object({
  email,
  password: safeString("The password", { error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, "This password is too long."),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const InviteUserSchema = z.object({
  email,
  role: choice(ROLES, "role"),
});

const newPassword = safeString("The password", { error: "Choose a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);
const samePassword = (v: { password: string; passwordConfirm: string }) => v.password === v.passwordConfirm;
const differ = { message: "The two passwords differ.", path: ["passwordConfirm"] };

export const AcceptInvitationSchema = z
  .object({
    token: requiredText("Invitation", 200),
    name: requiredText("Your name", 120),
    password: newPassword,
    passwordConfirm: safeString("The password", { error: "Type the password again." }),
  })
  .refine(samePassword, differ);

/** An admin's one-time link for a member who forgot their password. */
export const CreatePasswordResetSchema = z.object({ userId: id("user") });

/** Choosing a new password on the page behind that link. */
export const ResetPasswordSchema = z
  .object({
    token: requiredText("Password-reset link", 200),
    password: newPassword,
    passwordConfirm: safeString("The password", { error: "Type the password again." }),
  })
  .refine(samePassword, differ);

export const SetUserRoleSchema = z.object({ userId: id("user"), role: choice(ROLES, "role") });
export const SetUserActiveSchema = z.object({ userId: id("user"), active: checkbox });
export const RevokeInvitationSchema = z.object({ invitationId: id("invitation") });
