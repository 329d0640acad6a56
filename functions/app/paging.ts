import { InvalidCursorError, type Page } from '../core/ports';
import { badRequest } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `limit` as a page size: absent means the default; anything but a whole number in range is the caller's error. */
export function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw badRequest(`limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}, got '${value}'`);
  }
  return limit;
}

/** One page of a listing, as `?limit=&cursor=` ask for it; a bad value of either is the caller's 400. */
export async function readPage<T>(
  query: { limit?: string | undefined; cursor?: string | undefined },
  read: (limit: number, cursor?: string) => Promise<Page<T>>,
): Promise<Page<T>> {
  const limit = parseLimit(query.limit);
  try {
    return await read(limit, query.cursor);
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badRequest(`cursor: ${error.message}`);
    throw error;
  }
}
