/**
 * Object keys as S3 writes them in event notifications: URL-encoded, a space as `+`, slashes
 * left as they are. Everything that writes or reads such events goes through these two.
 */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

export function decodeS3EventKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}
