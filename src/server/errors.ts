// One error type for refusals: a status, a stable code and the catalogue's Russian message.
import { apiMessages, type ApiErrorCode } from './messages';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string = apiMessages[code],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
