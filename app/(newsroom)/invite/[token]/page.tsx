import type { Metadata } from "next";
import { acceptInvitationAction } from "@/app/(newsroom)/_actions/auth";
import { ActionForm } from "@/components/newsroom/action-form";
import { Hidden, TextField } from "@/components/newsroom/fields";
import { label, ROLE_LABELS } from "@/components/newsroom/labels";
import { LinkRefused } from "@/components/newsroom/link-refused";
import { isAppError } from "@/lib/domain/errors";
import { PASSWORD_MIN } from "@/lib/schemas/auth";
import { getActor } from "@/lib/server/auth/get-actor";
import { getInvitation, type InvitationLanding } from "@/lib/server/users/get-invitation";
import { formConstraints } from "@/lib/schemas/constraints";
import { AcceptInvitationSchema } from "@/lib/schemas/auth";

export const metadata: Metadata = { title: "Join the newsroom" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  let invitation: InvitationLanding;
  try {
    invitation = await getInvitation(await getActor(), token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return <LinkRefused title="This invitation cannot be used" reason={error.message} />;
  }
  return (
    <main id="main" className="nr-auth">
      <h1>Join the newsroom</h1>
      <p>
        {invitation.invitedBy} invited <strong>{invitation.email}</strong> to join as {label(ROLE_LABELS, invitation.role).toLowerCase()}. Choose your name as colleagues will see it, and a
        password.
      </p>
      <ActionForm action={acceptInvitationAction} constraints={formConstraints(AcceptInvitationSchema)} submitLabel="Create my account" pendingLabel="Creating…" label="Create your account">
        <Hidden name="token" value={token} />
        <TextField name="name" label="Your name" autoComplete="name" required />
        <TextField name="password" label="Password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters. A sentence you can remember works well.`} required />
        <TextField name="passwordConfirm" label="Password again" type="password" autoComplete="new-password" required />
      </ActionForm>
    </main>
  );
}
