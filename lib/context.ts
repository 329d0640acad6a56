import type { App } from 'aws-cdk-lib';
import { parseStage, type Stage } from './stage';

export const DEFAULT_DIGEST_SCHEDULE = 'cron(0 5 * * ? *)';
export const DEFAULT_API_THROTTLE: ApiThrottle = { rateLimit: 50, burstLimit: 100 };
export const DEFAULT_CORS_ALLOW_ORIGINS: readonly string[] = ['*'];

export interface ApiThrottle {
  /** Steady-state requests per second over the whole API stage. */
  readonly rateLimit: number;
  /** Requests the stage accepts at once above the steady rate. */
  readonly burstLimit: number;
}

/** Everything the app reads from the CDK context (`cdk.json` or `-c key=value`), checked once. */
export interface AppSettings {
  readonly stage: Stage;
  readonly digestSchedule: string;
  readonly apiThrottle: ApiThrottle;
  readonly corsAllowOrigins: readonly string[];
  /** Alarm notifications go to this address when set; absent by default. */
  readonly alarmEmail?: string;
  /** The distribution answers under this domain too, with this certificate; absent by default. */
  readonly customDomain?: CustomDomain;
  /** Whether the distribution gets a WAF web ACL with a rate limit per client IP (it has a monthly cost). */
  readonly webAcl: boolean;
}

export interface CustomDomain {
  /** A host name such as `news.example.com`, which the deployer points at the distribution. */
  readonly domainName: string;
  /** An ACM certificate for it, in us-east-1, where CloudFront reads certificates from. */
  readonly certificateArn: string;
}

export function readSettings(app: App): AppSettings {
  const context = (key: string): unknown => app.node.tryGetContext(key);
  const alarmEmail = parseAlarmEmail(context('alarmEmail'));
  const customDomain = parseCustomDomain(context('domainName'), context('certificateArn'));
  return {
    stage: parseStage(context('stage')),
    digestSchedule: parseSchedule(context('digestSchedule') ?? DEFAULT_DIGEST_SCHEDULE),
    apiThrottle: parseApiThrottle(context('apiThrottle') ?? DEFAULT_API_THROTTLE),
    corsAllowOrigins: parseOrigins(context('corsAllowOrigins') ?? DEFAULT_CORS_ALLOW_ORIGINS),
    ...(alarmEmail && { alarmEmail }),
    ...(customDomain && { customDomain }),
    webAcl: parseWebAcl(context('webAcl') ?? false),
  };
}

export function parseSchedule(value: unknown): string {
  if (typeof value !== 'string' || !/^(cron|rate)\(.+\)$/.test(value.trim())) {
    throw new Error(
      `digestSchedule must be an EventBridge cron(...) or rate(...) expression, got ${JSON.stringify(value)}`,
    );
  }
  return value.trim();
}

/** `-c key=value` always passes a string, so a JSON object may arrive as text. */
const fromJsonText = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

export function parseApiThrottle(value: unknown): ApiThrottle {
  const throttle = fromJsonText(value) as Partial<Record<keyof ApiThrottle, unknown>> | null;
  const { rateLimit, burstLimit } = throttle ?? {};
  const positive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
  if (!positive(rateLimit) || !positive(burstLimit) || !Number.isInteger(burstLimit)) {
    throw new Error(
      `apiThrottle must be {"rateLimit": <positive number>, "burstLimit": <positive integer>}, got ${JSON.stringify(value)}`,
    );
  }
  return { rateLimit, burstLimit };
}

/** A JSON array of origins, or a comma-separated list from the command line. */
export function parseOrigins(value: unknown): readonly string[] {
  const parsed = fromJsonText(value);
  const origins = typeof parsed === 'string' ? parsed.split(',').map((origin) => origin.trim()) : parsed;
  const valid = (origin: unknown) =>
    origin === '*' || (typeof origin === 'string' && /^https?:\/\/[^/\s]+$/.test(origin));
  if (!Array.isArray(origins) || origins.length === 0 || !origins.every(valid)) {
    throw new Error(
      `corsAllowOrigins must be "*" or a list of origins such as "https://example.com", got ${JSON.stringify(value)}`,
    );
  }
  return origins as string[];
}

export function parseAlarmEmail(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
    throw new Error(`alarmEmail must be an email address, got ${JSON.stringify(value)}`);
  }
  return value;
}

const absent = (value: unknown) => value === undefined || value === null || value === '';

/** Both or neither: a domain needs its certificate, and a certificate alone names no domain. */
export function parseCustomDomain(domainName: unknown, certificateArn: unknown): CustomDomain | undefined {
  if (absent(domainName) && absent(certificateArn)) return undefined;
  if (
    typeof domainName !== 'string' ||
    !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(domainName)
  ) {
    throw new Error(
      `domainName must be a host name such as news.example.com, given with certificateArn; got ${JSON.stringify(domainName)}`,
    );
  }
  if (
    typeof certificateArn !== 'string' ||
    !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificateArn)
  ) {
    throw new Error(
      `certificateArn must be the ARN of an ACM certificate in us-east-1 (CloudFront reads certificates there), given with domainName; got ${JSON.stringify(certificateArn)}`,
    );
  }
  return { domainName: domainName.toLowerCase(), certificateArn };
}

/** `true` or `false`, or their text as `-c webAcl=true` passes it. */
export function parseWebAcl(value: unknown): boolean {
  const parsed = fromJsonText(value);
  if (typeof parsed !== 'boolean') throw new Error(`webAcl must be true or false, got ${JSON.stringify(value)}`);
  return parsed;
}
