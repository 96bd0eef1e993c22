// The newsroom header's unread count, refreshed by the page on every navigation and when the tab
// comes back into view (the header's layout is not re-rendered by client-side navigation).
import { handleApi } from "@/lib/http/api";
import { UnreadCountSchema } from "@/lib/schemas/notifications";
import { countUnreadNotifications } from "@/lib/server/notifications/count-unread-notifications";

export const dynamic = "force-dynamic";

export async function GET() {
  return handleApi(async () => ({}), UnreadCountSchema, async (actor) => ({ unread: await countUnreadNotifications(actor) }));
}
