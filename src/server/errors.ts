// One error type for refusals: a status, a stable code and the catalogue's Russian message.
import { server as messages, type ApiErrorCode } from '../i18n/ru/server';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string = messages.api[code],
    readonly headers: Record<string, string> = {},
    /** More of the answer beside code and message (a checker's findings, the version to compare with). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
