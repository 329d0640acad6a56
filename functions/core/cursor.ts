import { InvalidCursorError } from './ports';

/** Opaque page cursors: a position (a DynamoDB start key, an offset), handed out as base64url JSON and checked on the way back. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The start key inside a cursor, accepted only if it has exactly the listing's key attributes,
 * all strings, and lies in the listing's own partition (`partition`): DynamoDB would answer
 * anything else with an error instead of a page.
 */
export function decodeCursor(
  cursor: string,
  attributes: readonly string[],
  partition: Record<string, string>,
): Record<string, string> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (key && typeof key === 'object' && !Array.isArray(key)) {
      const entries = Object.entries(key);
      const wellFormed =
        entries.length === attributes.length &&
        entries.every(([name, value]) => attributes.includes(name) && typeof value === 'string' && value !== '') &&
        Object.entries(partition).every(([name, value]) => (key as Record<string, unknown>)[name] === value);
      if (wellFormed) return key as Record<string, string>;
    }
  } catch {
    // Reported below as one error, whatever was wrong with it.
  }
  throw new InvalidCursorError('cursor is not one this API returned');
}
