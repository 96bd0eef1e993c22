import type { Metadata } from "next";
import { resetPasswordAction } from "@/app/(newsroom)/_actions/auth";
import { ActionForm } from "@/components/newsroom/action-form";
import { Hidden, TextField } from "@/components/newsroom/fields";
import { formatDateTime } from "@/components/newsroom/labels";
import { LinkRefused } from "@/components/newsroom/link-refused";
import { isAppError } from "@/lib/domain/errors";
import { PASSWORD_MIN } from "@/lib/schemas/auth";
import { getActor } from "@/lib/server/auth/get-actor";
import { getPasswordReset, type PasswordResetLanding } from "@/lib/server/users/reset-password";
import { formConstraints } from "@/lib/schemas/constraints";
import { ResetPasswordSchema } from "@/lib/schemas/auth";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  let reset: PasswordResetLanding;
  try {
    reset = await getPasswordReset(await getActor(), token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return <LinkRefused title="This link cannot be used" reason={error.message} />;
  }
  return (
    <main id="main" className="nr-auth">
      <h1>Choose a new password</h1>
      <p>
        For <strong>{reset.name}</strong> ({reset.email}). This link works once, until {formatDateTime(reset.expiresAt)}. Choosing a password signs this account out everywhere.
      </p>
      <ActionForm action={resetPasswordAction} constraints={formConstraints(ResetPasswordSchema)} submitLabel="Set my new password" pendingLabel="Saving…" label="Choose a new password">
        <Hidden name="token" value={token} />
        <TextField name="password" label="New password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters. A sentence you can remember works well.`} required />
        <TextField name="passwordConfirm" label="New password again" type="password" autoComplete="new-password" required />
      </ActionForm>
    </main>
  );
}
