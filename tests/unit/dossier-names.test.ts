// Dossiers that share a title are told apart by their web address (docs/decisions/111).
import { describe, expect, it } from "vitest";
import { dossierName, sameTitle, sharedTitles } from "@/lib/domain/dossier-names";

describe("dossier names", () => {
  const list = [
    { title: "Harbour contracts", slug: "harbour-contracts" },
    { title: "harbour  Contracts ", slug: "harbour-contracts-2" },
    { title: "City hall", slug: "city-hall" },
  ];

  it("reads titles as a person would: case and spacing aside, composed accents equal", () => {
    expect(sameTitle("Les comptes", " les  COMPTES")).toBe(true);
    expect(sameTitle("Étude", "E\u0301tude")).toBe(true);
    expect(sameTitle("Les comptes", "Les comptes 2")).toBe(false);
  });

  it("names a dossier with its web address only when another has its title", () => {
    const shared = sharedTitles(list);
    expect(list.map((d) => dossierName(d, shared))).toEqual(["Harbour contracts (harbour-contracts)", "harbour  Contracts  (harbour-contracts-2)", "City hall"]);
    expect(dossierName(list[0]!, sharedTitles([list[0]!, list[2]!]))).toBe("Harbour contracts");
  });
});
