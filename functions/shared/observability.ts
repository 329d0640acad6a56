import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** One logger and one metrics sink per container; the service name comes from POWERTOOLS_SERVICE_NAME. */
export const logger = new Logger();
/*
 * Marked pure (the environment read as well, inside a pure call) so that a bundle that never emits a metric, the
 * API's, neither constructs Powertools Metrics at init nor carries it: esbuild drops an unused pure expression.
 */
export const metrics = /* @__PURE__ */ new Metrics({
  namespace: /* @__PURE__ */ environmentOr('POWERTOOLS_METRICS_NAMESPACE', 'HeadlineDigest'),
});

function environmentOr(name: string, fallback: string): string {
  return process.env[name] ?? fallback;
}
