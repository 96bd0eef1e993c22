import "server-only";
import { CAPTURE_FAILURES, type CaptureFailureCode } from "@/lib/domain/archive";

/** A capture that cannot be made, with a reason the newsroom can act on. Nothing is stored. */
export class CaptureFailure extends Error {
  readonly code: CaptureFailureCode;
  constructor(code: CaptureFailureCode, detail?: string) {
    super(detail ? `${CAPTURE_FAILURES[code]} ${detail}` : CAPTURE_FAILURES[code]);
    this.name = "CaptureFailure";
    this.code = code;
  }
}

export const isCaptureFailure = (e: unknown): e is CaptureFailure => e instanceof CaptureFailure;
