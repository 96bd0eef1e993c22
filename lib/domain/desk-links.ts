// Newsroom addresses the desk's data layer links to (notifications). The desk's pages live there.

/** A claim at the fact-check desk: its verdict, history and proposals. */
export const deskClaimPath = (claimId: string): string => `/newsroom/desk/claims/${encodeURIComponent(claimId)}`;

/** A comment in a claim's or a source's discussion (a mention's notification links here). */
export const commentPath = (commentId: string): string => `/newsroom/comments/${encodeURIComponent(commentId)}`;
