import { AppError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/http/errors";
import { revalidateReaderPages } from "@/lib/http/revalidate";
import { RevalidateRequestSchema } from "@/lib/schemas/revalidate";
import { verifyRevalidation } from "@/lib/server/cache/revalidation-signature";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const raw = await request.text();
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError("INVALID_INPUT", "The body must be JSON.");
    }
    const parsed = RevalidateRequestSchema.safeParse(json);
    if (!parsed.success) throw new AppError("INVALID_INPUT", "Expected { slugs: string[], issuedAt: number }.");
    await verifyRevalidation(raw, request.headers.get("x-dossier-signature"), parsed.data);
    revalidateReaderPages();
    for (const slug of parsed.data.slugs) revalidateReaderPages(slug);
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(e);
  }
}
