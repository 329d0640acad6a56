import { Match } from 'aws-cdk-lib/assertions';
import { EDGE_HEADERS } from '../../functions/api/edge';
import { CORS_POLICY } from '../../lib/cors';
import { viewerRequestCode } from '../../lib/edge/code';
import {
  CACHED_QUERY_PARAMETERS,
  FORWARDED_VIEWER_HEADERS,
  UNCACHED_ERROR_STATUSES,
  WEB_ACL_RATE_LIMIT,
} from '../../lib/site';
import { CDK_CONTEXT, onlyResource, type Resource, synth, synthesize } from './synth';

const dev = synth('dev');
const prod = synth('prod');
const DOMAIN = 'news.example.com';
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
/** Prod with every optional part of the site switched on. */
const full = synthesize({ stage: 'prod', webAcl: true, domainName: DOMAIN, certificateArn: CERTIFICATE });

const distributionOf = (template: typeof dev.service): Resource =>
  onlyResource(template, 'AWS::CloudFront::Distribution')[1];
const config = (template: typeof dev.service) => distributionOf(template).Properties.DistributionConfig;

describe('the site (CloudFront in front of the HTTP API)', () => {
  describe.each([
    ['dev', dev],
    ['prod', prod],
  ] as const)('in %s', (_stage, synthesized) => {
    const { service } = synthesized;

    it('has one distribution, whose only behaviour is the default one: any new public route is served alike', () => {
      expect(config(service).CacheBehaviors).toBeUndefined();
      expect(config(service).DefaultCacheBehavior).toBeDefined();
    });

    it('sends every request to the HTTP API over HTTPS with TLS 1.2', () => {
      const [apiId] = onlyResource(service, 'AWS::ApiGatewayV2::Api');
      expect(config(service).Origins).toEqual([
        expect.objectContaining({
          DomainName: {
            'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
          },
          CustomOriginConfig: expect.objectContaining({
            OriginProtocolPolicy: 'https-only',
            OriginSSLProtocols: ['TLSv1.2'],
          }),
        }),
      ]);
    });

    it('redirects HTTP to HTTPS, compresses, speaks HTTP/2 and HTTP/3 and caches GET and HEAD only', () => {
      expect(config(service)).toMatchObject({
        Enabled: true,
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        DefaultCacheBehavior: {
          ViewerProtocolPolicy: 'redirect-to-https',
          Compress: true,
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS'],
          CachedMethods: ['GET', 'HEAD'],
        },
      });
    });

    it('runs the viewer-request function, built from the API sources, on every request', () => {
      const [functionId, fn] = onlyResource(service, 'AWS::CloudFront::Function');
      expect(fn.Properties).toMatchObject({
        AutoPublish: true,
        FunctionCode: viewerRequestCode(),
        FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
      });
      expect(config(service).DefaultCacheBehavior.FunctionAssociations).toEqual([
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
      ]);
      expect(config(service).DefaultCacheBehavior.LambdaFunctionAssociations).toBeUndefined();
    });

    it("caches by the API's Cache-Control only, keyed by path, its query parameters, host and representation", () => {
      const [policyId, policy] = onlyResource(service, 'AWS::CloudFront::CachePolicy');
      expect(config(service).DefaultCacheBehavior.CachePolicyId).toEqual({ Ref: policyId });
      expect(policy.Properties.CachePolicyConfig).toMatchObject({
        // No Cache-Control, nothing kept; `no-store` never kept; max-age=86400 of a closed period honoured.
        DefaultTTL: 0,
        MinTTL: 0,
        MaxTTL: 365 * 24 * 3600,
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
          CookiesConfig: { CookieBehavior: 'none' },
          HeadersConfig: {
            HeaderBehavior: 'whitelist',
            Headers: [EDGE_HEADERS.representation, EDGE_HEADERS.host],
          },
          QueryStringsConfig: { QueryStringBehavior: 'whitelist', QueryStrings: ['format', 'limit', 'cursor'] },
        },
      });
      expect([...CACHED_QUERY_PARAMETERS]).toEqual(['format', 'limit', 'cursor']);
    });

    it('passes the API no cookie, no other query parameter, and only the viewer headers it reads', () => {
      const [policyId, policy] = onlyResource(service, 'AWS::CloudFront::OriginRequestPolicy');
      expect(config(service).DefaultCacheBehavior.OriginRequestPolicyId).toEqual({ Ref: policyId });
      expect(policy.Properties.OriginRequestPolicyConfig).toMatchObject({
        CookiesConfig: { CookieBehavior: 'none' },
        QueryStringsConfig: { QueryStringBehavior: 'none' },
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: [...FORWARDED_VIEWER_HEADERS] },
      });
      // Accept for the negotiation; the rest only for CORS preflights, which API Gateway answers.
      expect([...FORWARDED_VIEWER_HEADERS]).toEqual([
        'accept',
        'origin',
        'access-control-request-method',
        'access-control-request-headers',
      ]);
    });

    it('never caches an error at the edge: an error page depends on more of Accept than the cache key keeps', () => {
      expect(config(service).CustomErrorResponses).toEqual(
        UNCACHED_ERROR_STATUSES.map((status) => ({ ErrorCode: status, ErrorCachingMinTTL: 0 })),
      );
      expect(UNCACHED_ERROR_STATUSES).toEqual(expect.arrayContaining([400, 403, 404, 405, 500, 502, 503, 504]));
    });

    it('answers CORS at the edge with the policy of lib/cors.ts and the origins of cdk.json', () => {
      const [policyId, policy] = onlyResource(service, 'AWS::CloudFront::ResponseHeadersPolicy');
      expect(config(service).DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
      expect(policy.Properties.ResponseHeadersPolicyConfig.CorsConfig).toEqual({
        AccessControlAllowOrigins: { Items: CDK_CONTEXT.corsAllowOrigins },
        AccessControlAllowMethods: { Items: [...CORS_POLICY.allowMethods, 'OPTIONS'] },
        AccessControlAllowHeaders: { Items: [...CORS_POLICY.allowHeaders] },
        AccessControlAllowCredentials: false,
        AccessControlMaxAgeSec: CORS_POLICY.maxAgeSeconds,
        OriginOverride: true,
      });
    });

    it('outputs SiteUrl, the distribution domain, for readers, and keeps ApiUrl for operators', () => {
      const [distributionId] = onlyResource(service, 'AWS::CloudFront::Distribution');
      service.hasOutput('SiteUrl', {
        Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
      });
      service.hasOutput('ApiUrl', { Value: Match.anyValue() });
    });

    it('has no web ACL, no custom domain and no Lambda@Edge by default', () => {
      expect(Object.keys(service.findResources('AWS::WAFv2::WebACL'))).toHaveLength(0);
      expect(config(service).WebACLId).toBeUndefined();
      expect(config(service).Aliases).toBeUndefined();
      expect(config(service).ViewerCertificate).toBeUndefined();
      expect(Object.keys(service.toJSON().Rules ?? {})).not.toContain('WebAclNeedsUsEast1');
    });
  });

  describe('with webAcl, domainName and certificateArn', () => {
    const { service } = full;

    it('answers under the custom domain with its certificate, TLS 1.2 or later and SNI', () => {
      expect(config(service)).toMatchObject({
        Aliases: [DOMAIN],
        ViewerCertificate: {
          AcmCertificateArn: CERTIFICATE,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      });
      service.hasOutput('SiteUrl', { Value: `https://${DOMAIN}` });
    });

    it('puts a web ACL in front that blocks a client IP over the rate limit', () => {
      const [aclId, acl] = onlyResource(service, 'AWS::WAFv2::WebACL');
      expect(config(service).WebACLId).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
      expect(acl.Properties).toMatchObject({
        Scope: 'CLOUDFRONT',
        DefaultAction: { Allow: {} },
        Rules: [
          {
            Name: 'RateLimitPerClientIp',
            Action: { Block: {} },
            Statement: {
              RateBasedStatement: { Limit: WEB_ACL_RATE_LIMIT, AggregateKeyType: 'IP', EvaluationWindowSec: 300 },
            },
          },
        ],
      });
    });

    it('refuses to deploy outside us-east-1, where WAF keeps the web ACLs of CloudFront', () => {
      const rules = service.toJSON().Rules as Record<string, { Assertions: { Assert: unknown }[] }>;
      expect(rules.WebAclNeedsUsEast1?.Assertions.map((assertion) => assertion.Assert)).toEqual([
        { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] },
      ]);
    });

    it('passes cdk-nag without the acknowledgements that only the defaults need', () => {
      const acknowledged = full.validationReport.pluginReports
        .flatMap((report) => report.suppressedViolations ?? [])
        .map((finding) => finding.ruleName);
      expect(acknowledged).not.toEqual(expect.arrayContaining(['AwsSolutions-CFR2']));
      expect(acknowledged).not.toEqual(expect.arrayContaining(['AwsSolutions-CFR4']));
    });
  });
});
