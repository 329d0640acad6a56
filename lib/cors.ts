/**
 * The API's CORS policy, the one source for both places that answer it: API Gateway, deployed
 * (its `CorsConfiguration`, set in `service-stack.ts`), and the local server (`scripts/local/cors.ts`).
 * Which origins may call is the setting `corsAllowOrigins` (`context.ts`); the rest is fixed here.
 * The API is read-only and public: GET and HEAD, no credentials, only the safelisted request headers
 * and `content-type`.
 */
export const CORS_POLICY = {
  allowMethods: ['GET', 'HEAD'],
  allowHeaders: ['content-type'],
  allowCredentials: false,
  /** How long a browser may keep a preflight's answer. */
  maxAgeSeconds: 3600,
} as const satisfies {
  readonly allowMethods: readonly ('GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE')[];
  readonly allowHeaders: readonly string[];
  readonly allowCredentials: boolean;
  readonly maxAgeSeconds: number;
};
