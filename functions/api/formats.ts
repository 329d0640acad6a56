import Negotiator from 'negotiator';
import { ClientError, quoted } from '../app/errors';

export type Format = 'json' | 'html' | 'atom' | 'rss' | 'jsonfeed';

export const MEDIA_TYPES: Readonly<Record<Format, string>> = {
  json: 'application/json',
  html: 'text/html',
  atom: 'application/atom+xml',
  rss: 'application/rss+xml',
  jsonfeed: 'application/feed+json',
};

/**
 * The representation to answer with: `?format=` when given (feed readers and browsers cannot
 * always set `Accept`), otherwise the best `Accept` match, otherwise the first offered. Nothing
 * acceptable is a 406 that names the formats this route has.
 */
export function chooseFormat(
  format: string | undefined,
  accept: string | undefined,
  offered: readonly [Format, ...Format[]],
): Format {
  const names = offered.join(', ');
  if (format !== undefined) {
    if ((offered as readonly string[]).includes(format)) return format as Format;
    throw new ClientError(406, 'NotAcceptable', `format: ${quoted(format)} is not available here; use one of ${names}`);
  }
  const chosen = preferredFormat(accept, offered);
  if (!chosen) throw new ClientError(406, 'NotAcceptable', `Accept: none of ${names} is acceptable to this request`);
  return chosen;
}

/**
 * The best `Accept` match among `offered`, the first of them on a tie or when `Accept` is absent
 * or empty; undefined when `Accept` rules every one of them out.
 */
export function preferredFormat<F extends Format>(
  accept: string | undefined,
  offered: readonly [F, ...F[]],
): F | undefined {
  if (!accept?.trim()) return offered[0];
  const media = new Negotiator({ headers: { accept: withoutParameters(accept) } }).mediaType(
    offered.map((name) => MEDIA_TYPES[name]),
  );
  return offered.find((name) => MEDIA_TYPES[name] === media);
}

/**
 * `Accept` with only the `q` of each media range: Negotiator matches a range that has other parameters
 * (`application/json; charset=utf-8`, as many HTTP clients send) only to a type offered with the same ones.
 */
function withoutParameters(accept: string): string {
  return accept
    .split(',')
    .map((range) => {
      const [type = '', ...parameters] = range.split(';');
      const quality = parameters.find((parameter) => /^\s*q\s*=/i.test(parameter));
      return quality ? `${type};${quality}` : type;
    })
    .join(',');
}
