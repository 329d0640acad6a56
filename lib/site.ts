import { Aws, CfnRule, Duration, Fn, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { EDGE_HEADERS } from '../functions/api/edge';
import type { CustomDomain } from './context';
import { CORS_POLICY } from './cors';
import { viewerRequestCode } from './edge/code';

/** The query parameters the API reads (`format`, and `limit` and `cursor` of paging): the rest never reach it. */
export const CACHED_QUERY_PARAMETERS = ['format', 'limit', 'cursor'] as const;
/**
 * Viewer headers the API reads that do not choose the cached object: `accept` (the representation
 * header stands for it in the cache key), and what API Gateway reads to answer a CORS preflight.
 */
export const FORWARDED_VIEWER_HEADERS = [
  'accept',
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
] as const;
/** The longest the distribution keeps an answer: the origin's `max-age` decides below it (closed periods say a day). */
export const MAX_CACHE_TTL = Duration.days(365);
/**
 * Error statuses CloudFront caches by default for 10 seconds. An error page depends on more of
 * `Accept` than the representation header keeps (a browser gets a page, others JSON), so none is
 * cached at the edge: the API is asked each time.
 */
export const UNCACHED_ERROR_STATUSES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504] as const;
/** Requests one client IP may make in 5 minutes before the web ACL blocks it (WAF's smallest window is 1 minute). */
export const WEB_ACL_RATE_LIMIT = 2000;

export interface SiteProps {
  readonly api: HttpApi;
  readonly corsAllowOrigins: readonly string[];
  readonly customDomain?: CustomDomain;
  readonly webAcl: boolean;
}

/**
 * The public face of the API: a CloudFront distribution in front of the HTTP API that caches what
 * the API says may be cached, one object per path, query, host and representation. `/admin/*` is
 * not served here: operators use the API's own URL, with IAM authorization.
 */
export class Site extends Construct {
  public readonly distribution: Distribution;
  public readonly viewerRequest: EdgeFunction;
  public readonly cachePolicy: CachePolicy;
  public readonly originRequestPolicy: OriginRequestPolicy;
  public readonly responseHeadersPolicy: ResponseHeadersPolicy;
  public readonly webAcl?: CfnWebACL;
  /** The address readers use: the custom domain when there is one, else the distribution's own. */
  public readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.viewerRequest = new EdgeFunction(this, 'ViewerRequest', {
      comment: 'Keys the cache by the representation the API would choose for Accept; keeps /admin/* off the site',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(viewerRequestCode()),
    });

    this.cachePolicy = new CachePolicy(this, 'CachePolicy', {
      comment: "Honours the API's Cache-Control; keyed by path, the API's query parameters, host and representation",
      // Nothing is kept without a Cache-Control that says so, and `no-store` is never kept.
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: MAX_CACHE_TTL,
      headerBehavior: CacheHeaderBehavior.allowList(EDGE_HEADERS.representation, EDGE_HEADERS.host),
      queryStringBehavior: CacheQueryStringBehavior.allowList(...CACHED_QUERY_PARAMETERS),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    this.originRequestPolicy = new OriginRequestPolicy(this, 'OriginRequestPolicy', {
      comment: 'Passes the API only the viewer headers it reads; the cache key adds its query parameters',
      headerBehavior: OriginRequestHeaderBehavior.allowList(...FORWARDED_VIEWER_HEADERS),
      queryStringBehavior: OriginRequestQueryStringBehavior.none(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });

    // CloudFront answers CORS itself, for every origin and from the cache alike, with the policy of
    // lib/cors.ts: a cached answer never carries the Access-Control-Allow-Origin of another caller.
    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'ResponseHeadersPolicy', {
      comment: 'The API CORS policy (lib/cors.ts), answered at the edge',
      corsBehavior: {
        accessControlAllowOrigins: [...props.corsAllowOrigins],
        accessControlAllowMethods: [...CORS_POLICY.allowMethods, 'OPTIONS'],
        accessControlAllowHeaders: [...CORS_POLICY.allowHeaders],
        accessControlAllowCredentials: CORS_POLICY.allowCredentials,
        accessControlMaxAge: Duration.seconds(CORS_POLICY.maxAgeSeconds),
        originOverride: true,
      },
    });

    if (props.webAcl) {
      this.webAcl = new CfnWebACL(this, 'WebAcl', {
        scope: 'CLOUDFRONT',
        description: `Blocks a client IP for a while once it sends more than ${WEB_ACL_RATE_LIMIT} requests in 5 minutes`,
        defaultAction: { allow: {} },
        visibilityConfig: visibility(`${stack.stackName}-WebAcl`),
        rules: [
          {
            name: 'RateLimitPerClientIp',
            priority: 0,
            action: { block: {} },
            statement: {
              rateBasedStatement: { limit: WEB_ACL_RATE_LIMIT, aggregateKeyType: 'IP', evaluationWindowSec: 300 },
            },
            visibilityConfig: visibility(`${stack.stackName}-RateLimitPerClientIp`),
          },
        ],
      });
      // WAF keeps the web ACLs of CloudFront in us-east-1 only: stop early elsewhere, with the reason.
      new CfnRule(stack, 'WebAclNeedsUsEast1', {
        assertions: [
          {
            assert: Fn.conditionEquals(Aws.REGION, 'us-east-1'),
            assertDescription:
              'webAcl=true needs the service stack in us-east-1, where WAF keeps the web ACLs of CloudFront',
          },
        ],
      });
    }

    const { customDomain } = props;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${stack.stackName}: the public digests`,
      defaultBehavior: {
        origin: new HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        cachedMethods: CachedMethods.CACHE_GET_HEAD,
        cachePolicy: this.cachePolicy,
        originRequestPolicy: this.originRequestPolicy,
        responseHeadersPolicy: this.responseHeadersPolicy,
        compress: true,
        functionAssociations: [{ function: this.viewerRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      // North America and Europe: the cheapest edge locations.
      priceClass: PriceClass.PRICE_CLASS_100,
      errorResponses: UNCACHED_ERROR_STATUSES.map((httpStatus) => ({ httpStatus, ttl: Duration.seconds(0) })),
      ...(customDomain && {
        domainNames: [customDomain.domainName],
        certificate: Certificate.fromCertificateArn(this, 'Certificate', customDomain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
      ...(this.webAcl && { webAclId: this.webAcl.attrArn }),
    });

    this.siteUrl = `https://${customDomain?.domainName ?? this.distribution.distributionDomainName}`;
  }
}

function visibility(metricName: string): CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}
