/**
 * Errors a caller can act on. `statusCode` and `expose` follow the convention that
 * middy's error handling reads; `code` is a stable machine-readable name.
 */
export class ClientError extends Error {
  readonly expose = true;
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const notFound = (message: string) => new ClientError(404, 'NotFound', message);
export const badRequest = (message: string) => new ClientError(400, 'BadRequest', message);
