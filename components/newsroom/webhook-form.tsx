"use client";
// Registering a webhook endpoint: its address and events. The signing secret Dossier generated is
// shown at once, to copy into the receiver (admins can show it again on the endpoint).
import type { ActionResult } from "@/lib/http/action-result";
import { formConstraints } from "@/lib/schemas/constraints";
import { CreateWebhookEndpointSchema } from "@/lib/schemas/webhooks";
import { ActionForm } from "./action-form";
import { CheckboxGroup, TextField, type Option } from "./fields";
import { ShownOnce } from "./shown-once";

const CONSTRAINTS = formConstraints(CreateWebhookEndpointSchema);

type Created = { id: string; url: string; secret: string };
type Create<T extends Created> = (previous: ActionResult<T> | null, payload: FormData) => Promise<ActionResult<T>>;

export function WebhookForm<T extends Created>({ action, events }: { action: Create<T>; events: readonly Option[] }) {
  return (
    <ActionForm
      action={action}
      constraints={CONSTRAINTS}
      submitLabel="Add endpoint"
      pendingLabel="Adding…"
      label="Add a webhook endpoint"
      successContent={(endpoint) => (
        <ShownOnce id="webhook-new-secret" label="Signing secret" value={endpoint.secret}>
          Endpoint added: <strong>{endpoint.url}</strong>. Put this signing secret in the receiver, to check each delivery’s signature:
        </ShownOnce>
      )}
    >
      <TextField name="url" label="Address that receives the events" type="url" required hint="https://… — an internal address only if WEBHOOK_ALLOW_PRIVATE_HOSTS names it." />
      <CheckboxGroup name="events" label="Events" options={events} defaultValues={events.map((e) => e.value)} emptyText="No events." />
    </ActionForm>
  );
}
