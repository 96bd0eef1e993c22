import { describe, expect, it } from "vitest";
import { roleHasPermission, ROLE_PERMISSIONS } from "@/lib/domain/permissions";
import { DEFAULT_VERDICTS, findVerdict, verdictLabel } from "@/lib/domain/verdicts";

describe("default verdict vocabulary", () => {
  it("has the six newsroom verdicts, each labelled in French and English", () => {
    expect(DEFAULT_VERDICTS.map((v) => v.key)).toEqual(["verified", "partly-true", "misleading", "false", "unverifiable", "outdated"]);
    for (const v of DEFAULT_VERDICTS) {
      expect(v.label.fr.length).toBeGreaterThan(0);
      expect(v.label.en.length).toBeGreaterThan(0);
      expect(v.description.fr.length).toBeGreaterThan(20);
    }
  });

  it("requires evidence exactly for verified, partly true, misleading and false", () => {
    expect(DEFAULT_VERDICTS.filter((v) => v.needsEvidence).map((v) => v.key)).toEqual(["verified", "partly-true", "misleading", "false"]);
  });

  it("rates verified best and false worst on the ClaimReview scale", () => {
    expect(findVerdict("verified")?.rating).toBe(5);
    expect(findVerdict("false")?.rating).toBe(1);
  });

  it("labels a claim with no verdict as not yet checked", () => {
    expect(verdictLabel(null, "en")).toBe("Not yet checked");
    expect(verdictLabel(null, "fr")).toBe("Pas encore vérifié");
    expect(verdictLabel("outdated", "fr")).toBe("Dépassé");
  });
});

describe("role table", () => {
  it("lets editors but not journalists set verdicts, publish and see confidential identities", () => {
    for (const p of ["verdict:set", "dossier:publish", "source:view-confidential"] as const) {
      expect(roleHasPermission("journalist", p)).toBe(false);
      expect(roleHasPermission("editor", p)).toBe(true);
      expect(roleHasPermission("admin", p)).toBe(true);
    }
  });

  it("lets journalists edit and propose verdicts", () => {
    expect(roleHasPermission("journalist", "dossier:edit")).toBe(true);
    expect(roleHasPermission("journalist", "verdict:propose")).toBe(true);
  });

  it("reserves user management to admins and grants nothing to unknown roles", () => {
    expect(roleHasPermission("editor", "user:manage")).toBe(false);
    expect(roleHasPermission("admin", "user:manage")).toBe(true);
    expect(roleHasPermission("reader", "newsroom:access")).toBe(false);
  });

  it("gives each role a superset of the one below", () => {
    expect(ROLE_PERMISSIONS.journalist.every((p) => ROLE_PERMISSIONS.editor.includes(p))).toBe(true);
    expect(ROLE_PERMISSIONS.editor.every((p) => ROLE_PERMISSIONS.admin.includes(p))).toBe(true);
  });
});
