import { createHash } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { InvalidCursorError, type Page } from '../core/ports';
import { badRequest, ClientError } from './errors';

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

/**
 * One page of a list held whole (a digest's or a story's articles), `limit` at a time from an offset. A cursor holds
 * its place in this very order: once the list changes, offsets mean other entries, so an old cursor gets
 * `409 <changedCode>` (`changed` says what changed) and the walk starts again, rather than skipping or repeating.
 */
export async function pageInOrder<T>(
  ordered: readonly T[],
  idOf: (entry: T) => string,
  query: { limit?: string | undefined; cursor?: string | undefined },
  changedCode: string,
  changed: string,
): Promise<Page<T>> {
  const edition = createHash('sha256').update(ordered.map(idOf).join(',')).digest('base64url').slice(0, 16);
  return readPage(query, async (limit, cursor) => {
    const offset = cursor === undefined ? 0 : decodeOffset(cursor, ordered.length, edition, changedCode, changed);
    const items = ordered.slice(offset, offset + limit);
    const next = offset + limit;
    return { items, ...(next < ordered.length ? { cursor: encodeCursor({ offset: String(next), edition }) } : {}) };
  });
}

function decodeOffset(cursor: string, count: number, edition: string, changedCode: string, changed: string): number {
  const position = decodeCursor(cursor, ['offset', 'edition'], {});
  const offset = Number(position.offset);
  if (!/^[1-9]\d*$/.test(position.offset ?? '')) {
    throw new InvalidCursorError('cursor is not one this API returned for this list');
  }
  if (position.edition !== edition) {
    throw new ClientError(
      409,
      changedCode,
      `cursor: ${changed} since this cursor was handed out; start again from the first page`,
    );
  }
  if (offset >= count) throw new InvalidCursorError('cursor is not one this API returned for this list');
  return offset;
}
