// One error type for refusals: a status, a stable code and the catalogue's Russian message.
import { server as messages, type ApiErrorCode } from '../i18n/ru/server';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string = messages.api[code],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
