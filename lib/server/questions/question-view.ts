import "server-only";
// An open question as the newsroom's use cases return it: a plain, serialisable view built from
// an explicit select.
import type { Prisma } from "@/lib/generated/prisma/client";

export const questionSelect = {
  id: true,
  text: true,
  status: true,
  ownerId: true,
  answer: true,
  answeringClaimId: true,
  answeredAt: true,
  position: true,
  version: true,
  updatedAt: true,
  owner: { select: { name: true } },
  answeringClaim: { select: { text: true } },
} satisfies Prisma.OpenQuestionSelect;

export const toQuestionView = (q: Prisma.OpenQuestionGetPayload<{ select: typeof questionSelect }>) => {
  const { owner, answeringClaim, answeredAt, updatedAt, ...rest } = q;
  return {
    ...rest,
    ownerName: owner?.name ?? null,
    answeringClaimText: answeringClaim?.text ?? null,
    answeredAt: answeredAt ? answeredAt.toISOString() : null,
    updatedAt: updatedAt.toISOString(),
  };
};

export type QuestionView = ReturnType<typeof toQuestionView>;
