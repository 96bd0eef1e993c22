// Newsroom addresses the desk's data layer links to (notifications). The desk's pages live there.

/** A claim at the fact-check desk: its verdict, history and proposals. */
export const deskClaimPath = (claimId: string): string => `/newsroom/desk/claims/${encodeURIComponent(claimId)}`;
