import { describe, expect, it } from "vitest";
import { buildClaimReview, jsonLdText, type ClaimReviewInput } from "@/lib/domain/claim-review";
import { DEFAULT_VERDICTS } from "@/lib/domain/verdicts";

const input = (over: Partial<ClaimReviewInput["claim"]> = {}, dossier: Partial<ClaimReviewInput["dossier"]> = {}): ClaimReviewInput => ({
  claim: {
    text: "Mistral AI a été immatriculée le 24 avril 2023.",
    verdict: "verified",
    url: "https://news.example/dossiers/m/claims/c1",
    verdictSetAt: "2023-09-25T12:00:00.000Z",
    firstDecidedAt: "2023-09-25T12:00:00.000Z",
    ...over,
  },
  dossier: { title: "Mistral AI", url: "https://news.example/dossiers/m", publishedAt: "2023-09-25T12:00:00.000Z", language: "fr", ...dossier },
  publisher: { name: "La Rédaction", url: "https://news.example/", logo: "https://news.example/logo.svg" },
  vocabulary: DEFAULT_VERDICTS,
});

describe("ClaimReview", () => {
  it("describes a checked claim with its rating on the 1–5 scale and the label in the content's language", () => {
    expect(buildClaimReview(input())).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://news.example/dossiers/m/claims/c1",
      claimReviewed: "Mistral AI a été immatriculée le 24 avril 2023.",
      inLanguage: "fr",
      datePublished: "2023-09-25",
      // Always given: the publication day until a later verdict or update.
      dateModified: "2023-09-25",
      author: { "@type": "Organization", name: "La Rédaction", url: "https://news.example/", logo: { "@type": "ImageObject", url: "https://news.example/logo.svg" } },
      reviewRating: {
        "@type": "Rating",
        ratingValue: 5,
        bestRating: 5,
        worstRating: 1,
        alternateName: "Vérifié",
        ratingExplanation: DEFAULT_VERDICTS[0]!.description.fr,
      },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "La Rédaction", url: "https://news.example/", logo: { "@type": "ImageObject", url: "https://news.example/logo.svg" } },
        appearance: { "@type": "CreativeWork", url: "https://news.example/dossiers/m", headline: "Mistral AI", datePublished: "2023-09-25" },
        firstAppearance: { "@type": "CreativeWork", url: "https://news.example/dossiers/m", headline: "Mistral AI", datePublished: "2023-09-25" },
      },
    });
  });

  it("gives an unrateable verdict its name but no number", () => {
    const rating = buildClaimReview(input({ verdict: "unverifiable" }))!.reviewRating;
    expect(rating.alternateName).toBe("Invérifiable");
    expect(rating).not.toHaveProperty("ratingValue");
    expect(rating).not.toHaveProperty("bestRating");
  });

  it("dates a verdict changed after publication as a modification", () => {
    const review = buildClaimReview(input({ verdict: "outdated", verdictSetAt: "2023-09-28T12:00:00.000Z" }, { language: "en" }))!;
    expect(review).toMatchObject({ datePublished: "2023-09-25", dateModified: "2023-09-28", reviewRating: { alternateName: "Outdated", ratingValue: 4 } });
  });

  it("is published when both the dossier and the verdict are", () => {
    expect(buildClaimReview(input({ firstDecidedAt: "2023-10-02T12:00:00.000Z", verdictSetAt: "2023-10-02T12:00:00.000Z" }))!.datePublished).toBe("2023-10-02");
  });

  it("has nothing to say about a claim not yet checked or with a verdict the vocabulary lacks", () => {
    expect(buildClaimReview(input({ verdict: null }))).toBeNull();
    expect(buildClaimReview(input({ verdict: "retired-verdict" }))).toBeNull();
  });

  it("serialises for a script element so that no text can close it", () => {
    const text = jsonLdText({ claimReviewed: "</script><script>alert(1)</script> & \u2028" });
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual({ claimReviewed: "</script><script>alert(1)</script> & \u2028" });
  });
});
