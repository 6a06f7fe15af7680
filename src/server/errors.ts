// One error type for refusals: a status, a stable code and the catalogue's Russian message.
import { apiMessages, type ApiErrorCode } from './messages';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string = apiMessages[code],
    readonly headers: Record<string, string> = {},
    /** More of the answer beside code and message (a checker's findings, the version to compare with). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
