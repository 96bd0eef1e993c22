import { getActor } from "@/lib/server/auth/get-actor";
import { healthFor } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
  const { body, httpStatus } = await healthFor(await getActor(), bearer);
  return Response.json(body, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
