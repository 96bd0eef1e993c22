"use server";
// Signing out, accepting an invitation and using a password-reset link. (Signing in posts to Better Auth's route, where the
// rate limit applies: components/newsroom/login-form.tsx.)
import { headers } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/http/action";
import { AcceptInvitationSchema, ResetPasswordSchema } from "@/lib/schemas/auth";
import { signOut } from "@/lib/server/auth/sign-out";
import { acceptInvitation } from "@/lib/server/users/accept-invitation";
import { resetPassword } from "@/lib/server/users/reset-password";

export const signOutAction = defineAction(
  z.object({}),
  async () => {
    await signOut(await headers());
    return { signedOut: true };
  },
  { allowAnonymous: true, redirectTo: () => "/login?signedOut=1" },
);

export const acceptInvitationAction = defineAction(AcceptInvitationSchema, acceptInvitation, {
  allowAnonymous: true,
  redirectTo: (data) => `/login?welcome=1&email=${encodeURIComponent(data.email)}`,
});

export const resetPasswordAction = defineAction(ResetPasswordSchema, resetPassword, {
  allowAnonymous: true,
  redirectTo: (data) => `/login?reset=1&email=${encodeURIComponent(data.email)}`,
});
