// The one coded error type. The data layer throws it; lib/http (errorResponse, the action
// wrapper, the page loaders) maps it to HTTP statuses, form errors and notFound().

export const APP_ERROR_CODES = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  /** A request body larger than the server accepts (lib/schemas/limits.ts). */
  TOO_LARGE: 413,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Per-field messages for forms (field name → message). */
  readonly fieldErrors?: Record<string, string[]>;
  /** Extra structured detail a UI may show (e.g. the blocking claims, the newer version). */
  readonly details?: unknown;

  constructor(code: AppErrorCode, message: string, options?: { fieldErrors?: Record<string, string[]>; details?: unknown; cause?: unknown }) {
    super(message, options?.cause ? { cause: options.cause } : undefined);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.details = options?.details;
  }

  get status(): number {
    return APP_ERROR_CODES[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
