// Who may do what, as permission strings against a role table (docs/permissions.md mirrors it).
// Only lib/server checks these; the UI may read them to hide what would be refused anyway.

export const ROLES = ["journalist", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "newsroom:access",
  "dossier:create",
  "dossier:edit",
  "dossier:delete",
  "dossier:restore",
  "dossier:publish",
  "claim:edit",
  "source:edit",
  "source:view-confidential",
  "verdict:propose",
  "verdict:set",
  "audit:view",
  "user:manage",
  "content:import",
  "system:health",
  "webhook:manage",
  "comment:write",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The permissions that only read: all a read-scoped API token may use (docs/decisions/072).
 * Every other permission changes something, so a read token is refused it whatever its owner's role.
 */
export const READ_PERMISSIONS: readonly Permission[] = ["newsroom:access", "source:view-confidential", "audit:view", "system:health"];

export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

const JOURNALIST: readonly Permission[] = [
  "newsroom:access",
  "dossier:create",
  "dossier:edit",
  "claim:edit",
  "source:edit",
  "verdict:propose",
  "comment:write",
];

const EDITOR: readonly Permission[] = [
  ...JOURNALIST,
  "dossier:publish",
  "dossier:delete",
  "source:view-confidential",
  "verdict:set",
  "audit:view",
];

const ADMIN: readonly Permission[] = [...EDITOR, "dossier:restore", "user:manage", "content:import", "system:health", "webhook:manage"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  journalist: JOURNALIST,
  editor: EDITOR,
  admin: ADMIN,
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleHasPermission(role: string, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * What a refused member is told, for the permissions whose refusal deserves more than the
 * permission's name (the fact-check desk's: who can do it instead). requirePermission() uses it.
 */
const REFUSALS: Partial<Record<Permission, string>> = {
  "verdict:set": "Only editors can set a verdict, confirm it or decide a proposal. Propose one instead: an editor will accept or reject it.",
  "verdict:propose": "Your role cannot propose verdicts.",
  "dossier:publish": "Only editors can publish or unpublish a dossier, and choose what readers see of its record.",
};

export function refusalMessage(permission: Permission): string {
  return REFUSALS[permission] ?? `Your role does not allow this (${permission}).`;
}
