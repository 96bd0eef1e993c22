import type { Metadata } from "next";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  retryWebhookDeliveryAction,
  sendTestWebhookAction,
  setWebhookEndpointActiveAction,
} from "@/app/(newsroom)/_actions/webhooks";
import { ActionForm } from "@/components/newsroom/action-form";
import { ConfirmButton } from "@/components/newsroom/confirm-button";
import { Disclosure } from "@/components/newsroom/disclosure";
import { Hidden } from "@/components/newsroom/fields";
import { formatDateTime, label } from "@/components/newsroom/labels";
import { WebhookForm } from "@/components/newsroom/webhook-form";
import { WEBHOOK_EVENTS, WEBHOOK_MAX_ATTEMPTS } from "@/lib/domain/webhooks";
import { loadForPage, requireNewsroomActor } from "@/lib/http/page";
import { listWebhookEndpoints, type WebhookDeliveryView } from "@/lib/server/webhooks/list-webhook-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

const EVENT_LABELS: Record<string, string> = {
  "dossier.published": "A dossier is published for the first time",
  "dossier.updated": "An update of a published dossier is published",
  "verdict.changed": "An editor sets or changes a claim’s verdict",
  "correction.published": "A verdict correction reaches readers",
  "webhook.test": "Test event",
};
const EVENT_OPTIONS = WEBHOOK_EVENTS.map((value) => ({ value, label: `${EVENT_LABELS[value]} (${value})` }));
const STATUS_LABELS: Record<WebhookDeliveryView["status"], string> = { pending: "Waiting to be sent", delivering: "Being sent", delivered: "Delivered", failed: "Failed" };

export default async function WebhooksPage() {
  const actor = await requireNewsroomActor("/newsroom/webhooks");
  const result = await loadForPage(() => listWebhookEndpoints(actor));
  if (!result.ok) {
    return (
      <>
        <h1>Webhooks</h1>
        <p role="alert" className="alert alert--error">
          {result.reason} Only admins manage webhooks.
        </p>
      </>
    );
  }
  const endpoints = result.data;
  return (
    <>
      <h1>Webhooks</h1>
      <p className="meta">
        Other systems can be told when a dossier is published or updated, when an editor changes a verdict and when a correction reaches readers: Dossier sends each event as a signed JSON POST, and tries again
        with growing delays, {WEBHOOK_MAX_ATTEMPTS} attempts in all. Events never name a confidential source. The format and how to check a signature are in docs/api.md (Webhooks).
      </p>
      <section aria-labelledby="add-webhook-heading">
        <h2 id="add-webhook-heading">Add an endpoint</h2>
        <WebhookForm action={createWebhookEndpointAction} events={EVENT_OPTIONS} />
      </section>
      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints</h2>
        {endpoints.length === 0 ? <p className="empty">No endpoint yet.</p> : null}
        {endpoints.map((e, index) => (
          <article key={e.id} className="record" aria-labelledby={`endpoint-${index}`}>
            <h3 id={`endpoint-${index}`}>
              <span className="visually-hidden">Endpoint </span>
              {e.url}
            </h3>
            <p>
              <strong>{e.active ? "Active" : "Paused"}</strong> · added {formatDateTime(e.createdAt)}
              {e.createdBy ? ` by ${e.createdBy}` : ""} · events: {e.events.join(", ")}
            </p>
            <Disclosure summary="Show the signing secret">
              <p>
                <label htmlFor={`secret-${e.id}`} className="field__label">
                  Signing secret of {e.url}
                </label>
                <input id={`secret-${e.id}`} readOnly value={e.secret} className="invite-link" />
              </p>
            </Disclosure>
            <div className="form__actions">
              <ActionForm action={sendTestWebhookAction} submitLabel="Send test event" pendingLabel="Sending…" successMessage="Test event queued: it appears in the log below." className="form form--inline" label={`Send a test event to ${e.url}`}>
                <Hidden name="endpointId" value={e.id} />
              </ActionForm>
              <ConfirmButton
                action={setWebhookEndpointActiveAction}
                payload={{ endpointId: e.id, active: e.active ? "false" : "true" }}
                buttonLabel={e.active ? "Pause…" : "Resume…"}
                title={e.active ? `Pause ${e.url}?` : `Resume ${e.url}?`}
                description={e.active ? "It is told of nothing new until resumed; what is already queued for it waits." : "It is told of new events again, and what was queued for it is sent."}
                confirmLabel={e.active ? "Pause" : "Resume"}
                doneMessage={e.active ? "Paused." : "Resumed."}
              />
              <ConfirmButton
                action={deleteWebhookEndpointAction}
                payload={{ endpointId: e.id }}
                buttonLabel="Delete…"
                title={`Delete ${e.url}?`}
                description="No event is sent to it any more, and its delivery log is deleted with it."
                confirmLabel="Delete"
                danger
                doneMessage="Endpoint deleted."
              />
            </div>
            <h4 id={`log-${index}`}>Delivery log</h4>
            {e.deliveries.length === 0 ? (
              <p className="empty">Nothing sent yet.</p>
            ) : (
              <table className="table" aria-labelledby={`log-${index}`}>
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Last answer</th>
                    <th scope="col">When</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {e.deliveries.map((d) => (
                    <tr key={d.id} data-delivery={d.id}>
                      <th scope="row">
                        {label(EVENT_LABELS, d.event)} <span className="meta">({d.event})</span>
                      </th>
                      <td>{STATUS_LABELS[d.status]}</td>
                      <td>{d.attempts}</td>
                      <td>
                        {d.statusCode !== null ? `HTTP ${d.statusCode}` : d.attempts > 0 ? "No answer" : "—"}
                        {d.response ? <span className="meta"> · {d.response}</span> : null}
                      </td>
                      <td>
                        queued {formatDateTime(d.createdAt)}
                        {d.deliveredAt ? ` · delivered ${formatDateTime(d.deliveredAt)}` : ""}
                        {d.status === "pending" && d.nextAttemptAt ? ` · next attempt ${formatDateTime(d.nextAttemptAt)}` : ""}
                      </td>
                      <td>
                        {d.status === "pending" || d.status === "failed" ? (
                          <ActionForm action={retryWebhookDeliveryAction} submitLabel="Retry now" pendingLabel="Retrying…" successMessage="Sent again: reload to see the answer." className="form form--inline" label={`Retry the ${d.event} delivery now`}>
                            <Hidden name="deliveryId" value={d.id} />
                          </ActionForm>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </article>
        ))}
      </section>
    </>
  );
}
