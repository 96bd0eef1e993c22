import type { Metadata } from "next";
import { createPasswordResetAction, inviteUserAction, revokeInvitationAction, setUserActiveAction, setUserRoleAction } from "@/app/(newsroom)/_actions/users";
import { ActionForm } from "@/components/newsroom/action-form";
import { ConfirmButton } from "@/components/newsroom/confirm-button";
import { Hidden, SelectField } from "@/components/newsroom/fields";
import { InviteForm } from "@/components/newsroom/invite-form";
import { formatDateTime, label, ROLE_LABELS, ROLE_OPTIONS } from "@/components/newsroom/labels";
import { PasswordResetButton } from "@/components/newsroom/password-reset-button";
import { loadForPage, requireNewsroomActor } from "@/lib/http/page";
import { listUsers } from "@/lib/server/users/list-users";

export const metadata: Metadata = { title: "People and roles" };

export default async function UsersPage() {
  const actor = await requireNewsroomActor("/newsroom/users");
  const result = await loadForPage(() => listUsers(actor));
  if (!result.ok) {
    return (
      <>
        <h1>People and roles</h1>
        <p role="alert" className="alert alert--error">
          {result.reason} Only admins manage people and roles.
        </p>
      </>
    );
  }
  const { users, invitations } = result.data;
  const pending = invitations.filter((i) => i.state === "pending");
  return (
    <>
      <h1>People and roles</h1>
      <p className="meta">
        Journalists build dossiers; editors also see what identifies a confidential source, give verdicts, publish and read the audit log; admins also manage people, and give a member who forgot their password a one-time link to choose a new one. See docs/permissions.md for the full table.
      </p>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <InviteForm action={inviteUserAction} />
      </section>
      {pending.length ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">Pending invitations</h2>
          <ul className="record-list">
            {pending.map((i) => (
              <li key={i.id} className="record">
                <p>
                  <strong>{i.email}</strong> as {label(ROLE_LABELS, i.role).toLowerCase()} · invited by {i.invitedBy} · expires {formatDateTime(i.expiresAt)}
                </p>
                <ConfirmButton
                  action={revokeInvitationAction}
                  payload={{ invitationId: i.id }}
                  buttonLabel="Withdraw…"
                  title={`Withdraw the invitation for ${i.email}?`}
                  description="The link stops working at once."
                  confirmLabel="Withdraw"
                  danger
                  doneMessage="Invitation withdrawn."
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <table className="table">
          <caption className="visually-hidden">Newsroom members and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.name}
                  {u.isYou ? " (you)" : ""}
                </th>
                <td>{u.email}</td>
                <td>
                  {u.isYou ? (
                    label(ROLE_LABELS, u.role)
                  ) : (
                    <ActionForm action={setUserRoleAction} submitLabel="Change role" successMessage="Role changed." className="form form--inline" label={`Change the role of ${u.name}`}>
                      <Hidden name="userId" value={u.id} />
                      <SelectField name="role" label={`Role of ${u.name}`} options={ROLE_OPTIONS} defaultValue={u.role} />
                    </ActionForm>
                  )}
                </td>
                <td>
                  {u.active ? "Active" : "Deactivated"}{" "}
                  {u.isYou ? null : (
                    <ConfirmButton
                      action={setUserActiveAction}
                      payload={{ userId: u.id, active: u.active ? "false" : "true" }}
                      buttonLabel={u.active ? "Deactivate…" : "Reactivate…"}
                      title={u.active ? `Deactivate ${u.name}?` : `Reactivate ${u.name}?`}
                      description={u.active ? `${u.name} is signed out everywhere at once and can no longer sign in. Their work and history stay.` : `${u.name} can sign in again with their password.`}
                      confirmLabel={u.active ? "Deactivate" : "Reactivate"}
                      danger={u.active}
                      doneMessage={u.active ? "Deactivated." : "Reactivated."}
                    />
                  )}
                  {!u.isYou && u.active ? <PasswordResetButton action={createPasswordResetAction} userId={u.id} name={u.name} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
