import "server-only";
// The newsroom's header for the person signed in: their unread notifications and the areas of
// the newsroom their role may open and what it may do there (the same permission table every use
// case checks), so the layout and pages ask the data layer instead of reading the table themselves.
import { can, requirePermission, type Actor } from "../actor";
import { db } from "../db";

export interface NewsroomHeader {
  unread: number;
  can: {
    /** People and roles (/newsroom/users). */
    manageUsers: boolean;
    /** Webhooks (/newsroom/webhooks). */
    manageWebhooks: boolean;
    /** Archived dossiers (/newsroom/archive): whoever may archive one sees them. */
    seeArchive: boolean;
    /** Restoring an archived dossier. */
    restoreDossiers: boolean;
    /** Everyone's API tokens (/newsroom/tokens, an admin's second list). */
    manageAllTokens: boolean;
  };
}

export async function getNewsroomHeader(actor: Actor): Promise<NewsroomHeader> {
  const user = requirePermission(actor, "newsroom:access", "person");
  const unread = await db.notification.count({ where: { userId: user.id, readAt: null } });
  return {
    unread,
    can: {
      manageUsers: can(user, "user:manage"),
      manageWebhooks: can(user, "webhook:manage"),
      seeArchive: can(user, "dossier:delete"),
      restoreDossiers: can(user, "dossier:restore"),
      manageAllTokens: can(user, "user:manage"),
    },
  };
}
