// Personal API tokens (docs/api.md#tokens): any member creates theirs (the secret shown once),
// lists them with their last use and revokes them; an admin also sees and revokes everyone's.
// In the member's language (the reader site's choice or their browser's): messages.ts, apiTokens.
import type { Metadata } from "next";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(newsroom)/_actions/api-tokens";
import { ApiTokenForm, type ApiTokenFormText } from "@/components/newsroom/api-token-form";
import { ConfirmButton } from "@/components/newsroom/confirm-button";
import { formatDateTime } from "@/components/newsroom/labels";
import { load, loadForPage, newsroomLocale, requireNewsroomActor } from "@/lib/http/page";
import { getNewsroomHeader } from "@/lib/server/users/get-newsroom-header";
import { messages, type UiMessages } from "@/lib/i18n/messages";
import { API_TOKEN_DEFAULT_DAYS } from "@/lib/schemas/api-tokens";
import type { ApiTokenView } from "@/lib/server/api-tokens/api-token-view";
import { listAllApiTokens } from "@/lib/server/api-tokens/list-all-api-tokens";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";

export const metadata: Metadata = { title: "API tokens" };

const EXPIRY_DAYS = [7, 30, 90, 180, 365];

/** The form's messages as plain strings: a client component receives no functions. */
function formText(t: UiMessages["apiTokens"]): ApiTokenFormText {
  const { days, secretHeading, revokeTitle: _revokeTitle, ...strings } = t;
  return { ...strings, expiryOptions: EXPIRY_DAYS.map((n) => ({ value: String(n), label: days({ n }) })), secretHeading: secretHeading({ name: "{name}" }) };
}

export default async function ApiTokensPage() {
  const actor = await requireNewsroomActor("/newsroom/tokens");
  const locale = await newsroomLocale();
  const t = messages(locale).apiTokens;
  const mine = await loadForPage(() => listApiTokens(actor));
  const { can } = await load(() => getNewsroomHeader(actor));
  const everyone = can.manageAllTokens ? await loadForPage(() => listAllApiTokens(actor)) : null;
  return (
    <div lang={locale}>
      <h1>{t.title}</h1>
      <p className="meta">{t.intro}</p>
      <section aria-labelledby="create-token-heading">
        <h2 id="create-token-heading">{t.createHeading}</h2>
        <ApiTokenForm action={createApiTokenAction} t={formText(t)} defaultDays={API_TOKEN_DEFAULT_DAYS} />
      </section>
      <section aria-labelledby="your-tokens-heading">
        <h2 id="your-tokens-heading">{t.yoursHeading}</h2>
        {mine.ok ? <TokenTable tokens={mine.data} t={t} empty={t.none} /> : <p role="alert" className="alert alert--error">{mine.reason}</p>}
      </section>
      {everyone?.ok ? (
        <section aria-labelledby="all-tokens-heading">
          <h2 id="all-tokens-heading">{t.allHeading}</h2>
          <p className="meta">{t.allIntro}</p>
          <TokenTable tokens={everyone.data} t={t} empty={t.noneAtAll} withOwner />
        </section>
      ) : null}
    </div>
  );
}

function TokenTable({ tokens, t, empty, withOwner = false }: { tokens: ApiTokenView[]; t: UiMessages["apiTokens"]; empty: string; withOwner?: boolean }) {
  if (tokens.length === 0) return <p>{empty}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columns.name}</th>
          {withOwner ? <th scope="col">{t.columns.owner}</th> : null}
          <th scope="col">{t.columns.scope}</th>
          <th scope="col">{t.columns.created}</th>
          <th scope="col">{t.columns.expires}</th>
          <th scope="col">{t.columns.lastUsed}</th>
          <th scope="col">{t.columns.state}</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <th scope="row">
              {token.name} <code className="meta">{token.start}…</code>
            </th>
            {withOwner ? <td>{token.owner.name}</td> : null}
            <td>{t.scopeNames[token.scope]}</td>
            <td>{formatDateTime(token.createdAt)}</td>
            <td>{formatDateTime(token.expiresAt)}</td>
            <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t.neverUsed}</td>
            <td>
              {t.states[token.state]}{" "}
              {token.state === "revoked" ? null : (
                <ConfirmButton
                  action={revokeApiTokenAction}
                  payload={{ tokenId: token.id }}
                  buttonLabel={t.revoke}
                  title={t.revokeTitle({ name: token.name })}
                  description={t.revokeDescription}
                  confirmLabel={t.revokeConfirm}
                  pendingLabel={t.revokePending}
                  danger
                  doneMessage={t.revoked}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
