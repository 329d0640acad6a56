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
    /** Response headers the status calls for, such as `Allow` on a 405. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const notFound = (message: string) => new ClientError(404, 'NotFound', message);
export const badRequest = (message: string) => new ClientError(400, 'BadRequest', message);

/** A caller's value as an error message quotes it: short enough that a huge input cannot make a huge answer. */
export function quoted(value: string, max = 80): string {
  return `'${value.length > max ? `${value.slice(0, max)}…` : value}'`;
}
