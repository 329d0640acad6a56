// The CloudFront Function that runs on every viewer request of the distribution (lib/site.ts), in
// CloudFront's JavaScript runtime 2.0: ES 5.1 with const, let, arrow functions and template
// literals, and no modules, classes, destructuring or for-of, hence this file's style.
// lib/edge/code.ts puts three constants before it, from the API's own sources: MEDIA_TYPES
// (functions/api/formats.ts), EDGE_HEADERS (functions/api/edge.ts) and ROUTES, the public routes
// with the formats each offers, default first (functions/api/openapi.ts).
//
// The negotiation below is the API's (`preferredFormat` of functions/api/formats.ts) step by step:
// its `withoutParameters`, then negotiator 1.1's media-type choice (lib/mediaType.js and
// lib/accept.js, over content-type 2.1's `parse`), ported function for function. A unit test runs
// this file on generated `Accept` headers against the API's own function (test/unit/edge-function.test.ts).

// --- content-type 2.1: parse(header, { comma: true, start }) -------------------------------------

function skipOWS(header, index, len) {
  while (index < len) {
    const char = header.charCodeAt(index);
    if (char !== 32 && char !== 9) break;
    index++;
  }
  return index;
}

function skipValue(header, index, len, stopChar) {
  while (index < len) {
    const code = header.charCodeAt(index);
    if (code === 59 || code === stopChar) break;
    index++;
  }
  return index;
}

function trailingOWS(header, start, end) {
  while (end > start) {
    const char = header.charCodeAt(end - 1);
    if (char !== 32 && char !== 9) break;
    end--;
  }
  return end;
}

function parseParameters(header, type, index, len, stopChar) {
  const parameters = Object.create(null);
  parameter: while (index < len) {
    if (header.charCodeAt(index) === stopChar) break;
    index = skipOWS(header, index + 1, len);
    const keyStart = index;
    while (index < len) {
      const code = header.charCodeAt(index);
      if (code === stopChar) break parameter;
      if (code === 59) continue parameter;
      if (code === 61) {
        const key = header.slice(keyStart, trailingOWS(header, keyStart, index)).toLowerCase();
        index = skipOWS(header, index + 1, len);
        if (index < len && header.charCodeAt(index) === 34) {
          index++;
          let value = '';
          while (index < len) {
            const quoted = header.charCodeAt(index++);
            if (quoted === 34) {
              index = skipValue(header, index, len, stopChar);
              if (parameters[key] === undefined) parameters[key] = value;
              break;
            }
            if (quoted === 92 && index < len) {
              value += header[index++];
              continue;
            }
            value += String.fromCharCode(quoted);
          }
          continue parameter;
        }
        const valueStart = index;
        index = skipValue(header, index, len, stopChar);
        if (parameters[key] === undefined) {
          parameters[key] = header.slice(valueStart, trailingOWS(header, valueStart, index));
        }
        continue parameter;
      }
      index++;
    }
  }
  return { type: type, index: index, parameters: parameters };
}

function parseMediaRange(header, start, stopChar) {
  const len = header.length;
  let index = skipOWS(header, start, len);
  const valueStart = index;
  index = skipValue(header, index, len, stopChar);
  const type = header.slice(valueStart, trailingOWS(header, valueStart, index)).toLowerCase();
  return parseParameters(header, type, index, len, stopChar);
}

// --- negotiator 1.1: lib/accept.js and lib/mediaType.js ------------------------------------------

function parseAcceptHeader(header) {
  const values = [];
  let index = 0;
  while (index < header.length) {
    const start = skipOWS(header, index, header.length);
    const parsed = parseMediaRange(header, start, 44);
    parsed.type = header.slice(start, start + parsed.type.length);
    values.push(parsed);
    index = parsed.index + 1;
  }
  return values;
}

function formatMediaType(parsed, i) {
  const slash = parsed.type.indexOf('/');
  if (slash === -1) return null;
  const q = parsed.parameters.q ? parseFloat(parsed.parameters.q) : 1;
  delete parsed.parameters.q;
  return {
    type: parsed.type.slice(0, slash),
    subtype: parsed.type.slice(slash + 1),
    params: parsed.parameters,
    q: q,
    i: i,
  };
}

function parseAccept(accept) {
  const accepts = parseAcceptHeader(accept);
  let j = 0;
  for (let i = 0; i < accepts.length; i++) {
    const mediaType = formatMediaType(accepts[i], i);
    if (mediaType) accepts[j++] = mediaType;
  }
  accepts.length = j;
  return accepts;
}

function specify(type, spec, index) {
  const p = formatMediaType(parseMediaRange(type, 0, 65536), 0);
  let s = 0;
  if (!p) return null;
  if (spec.type.toLowerCase() === p.type.toLowerCase()) s |= 4;
  else if (spec.type !== '*') return null;
  if (spec.subtype.toLowerCase() === p.subtype.toLowerCase()) s |= 2;
  else if (spec.subtype !== '*') return null;
  const keys = Object.keys(spec.params);
  if (keys.length > 0) {
    const all = keys.every(
      (k) => spec.params[k] === '*' || (spec.params[k] || '').toLowerCase() === (p.params[k] || '').toLowerCase(),
    );
    if (!all) return null;
    s |= 1;
  }
  return { i: index, o: spec.i, q: spec.q, s: s };
}

function getMediaTypePriority(type, accepted, index) {
  let priority = { o: -1, q: 0, s: 0 };
  for (let i = 0; i < accepted.length; i++) {
    const spec = specify(type, accepted[i], index);
    if (spec && (priority.s - spec.s || priority.q - spec.q || priority.o - spec.o) < 0) priority = spec;
  }
  return priority;
}

function compareSpecs(a, b) {
  return b.q - a.q || b.s - a.s || a.o - b.o || a.i - b.i || 0;
}

/** Negotiator's `mediaType(available)`: the best of `provided` for `accept`, or undefined. */
function preferredMediaType(accept, provided) {
  const accepts = parseAccept(accept);
  const priorities = provided.map((type, index) => getMediaTypePriority(type, accepts, index));
  const sorted = priorities.filter((spec) => spec.q > 0).sort(compareSpecs);
  return sorted.length > 0 ? provided[priorities.indexOf(sorted[0])] : undefined;
}

// --- functions/api/formats.ts --------------------------------------------------------------------

function withoutParameters(accept) {
  return accept
    .split(',')
    .map((range) => {
      const parameters = range.split(';');
      const type = parameters[0];
      let quality;
      for (let i = 1; i < parameters.length && quality === undefined; i++) {
        if (/^\s*q\s*=/i.test(parameters[i])) quality = parameters[i];
      }
      return quality ? `${type};${quality}` : type;
    })
    .join(',');
}

function preferredFormat(accept, offered) {
  if (accept === undefined || !accept.trim()) return offered[0];
  const media = preferredMediaType(
    withoutParameters(accept),
    offered.map((name) => MEDIA_TYPES[name]),
  );
  for (let i = 0; i < offered.length; i++) if (MEDIA_TYPES[offered[i]] === media) return offered[i];
  return undefined;
}

// --- the viewer request --------------------------------------------------------------------------

/** `?format=` decides (it is in the cache key itself); or the route has no format `Accept` takes (a 406). */
const BY_QUERY = 'query';
const UNACCEPTABLE = 'none';

/** All values of a header, as API Gateway passes a repeated header on: joined by commas. */
function headerValue(header) {
  if (header === undefined) return undefined;
  if (header.multiValue && header.multiValue.length > 1) return header.multiValue.map((item) => item.value).join(',');
  return header.value;
}

function decodedPath(uri) {
  try {
    return decodeURIComponent(uri);
  } catch (_error) {
    return uri;
  }
}

/** `/admin` and everything under it: operators call those at the API's own URL, signed with IAM credentials. */
function isAdminPath(uri) {
  return /^\/admin(\/|$)/i.test(decodedPath(uri));
}

/**
 * The one representation the API would answer with on this path: `?format=` when given, else the
 * format the route chooses for `Accept`, so the cache keeps one object per format, never one per
 * `Accept` string. On a path no public route matches, the whole `Accept`: correct whatever the API
 * answers there, at one variant per `Accept` (such paths are 404s, which the distribution does not cache).
 */
function representationOf(uri, accept, formatQuery) {
  if (formatQuery !== undefined) return BY_QUERY;
  const path = decodedPath(uri);
  for (let i = 0; i < ROUTES.length; i++) {
    if (new RegExp(ROUTES[i].pattern).test(path)) {
      const format = preferredFormat(accept, ROUTES[i].formats);
      return format === undefined ? UNACCEPTABLE : format;
    }
  }
  return `accept:${accept === undefined ? '' : accept}`;
}

const ADMIN_NOT_HERE = {
  statusCode: 404,
  statusDescription: 'Not Found',
  headers: {
    'content-type': { value: 'application/json; charset=utf-8' },
    'cache-control': { value: 'no-store' },
  },
  body: {
    encoding: 'text',
    data: JSON.stringify({
      error: {
        code: 'NotFound',
        message: "The admin routes are served only at the API's own URL, to requests signed with IAM credentials",
      },
    }),
  },
};

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls it.
function handler(event) {
  const request = event.request;
  if (isAdminPath(request.uri)) return ADMIN_NOT_HERE;
  const headers = request.headers;
  const formatQuery = headerValue(request.querystring.format);
  headers[EDGE_HEADERS.representation] = {
    value: representationOf(request.uri, headerValue(headers.accept), formatQuery),
  };
  // Always set, so that a viewer's own value under this name never reaches the API.
  const host = headerValue(headers.host);
  headers[EDGE_HEADERS.host] = { value: host === undefined ? '' : host };
  return request;
}
