// The one place an AppError becomes an HTTP response. Unknown errors are logged with their cause
// and answered with a generic 500 (no internals leak to clients).
import { isAppError } from "@/lib/domain/errors";

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) } },
      { status: error.status },
    );
  }
  console.error("Unhandled error in API route", error);
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}
