import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type HeadlineDigestStacks } from '../../lib/app';
import type { Stage } from '../../lib/stage';

export const CDK_JSON = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  readonly app: string;
  readonly notices?: boolean;
  readonly context: Readonly<Record<string, unknown>>;
};

/** The context `cdk synth` would pass, so feature flags and the schedule match the real synth. */
export const CDK_CONTEXT = CDK_JSON.context;

export interface Synthesized {
  readonly stacks: HeadlineDigestStacks;
  readonly data: Template;
  readonly service: Template;
  readonly assemblyDirectory: string;
  /** The policy validation report CDK wrote for this synthesis (cdk-nag's findings are in it). */
  readonly validationReport: ValidationReport;
}

export interface ReportedFinding {
  readonly ruleName: string;
  readonly severity: string;
  readonly violatingConstructs: readonly { readonly constructPath: string }[];
  /** Set on acknowledged findings. */
  readonly acknowledgedId?: string;
  readonly acknowledgedAt?: string;
  readonly reason?: string;
}

export interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: readonly ReportedFinding[];
    readonly suppressedViolations?: readonly ReportedFinding[];
  }[];
}

// CDK reuses a bundle only for the same output folder, so every synthesis of this test file shares one.
const OUTDIR = mkdtempSync(join(tmpdir(), 'headline-digest-infra-'));

/** An app with the context of cdk.json, synthesizing into this test file's output folder. */
export function newApp(context: Record<string, unknown> = {}): App {
  return new App({ outdir: OUTDIR, context: { ...CDK_CONTEXT, ...context } });
}

/** Builds and synthesizes the app as `bin/app.ts` does; the templates are read at once, before another synthesis can overwrite them. */
export function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const app = newApp(context);
  const stacks = buildApp(app);
  const assembly = app.synth();
  return {
    stacks,
    data: Template.fromStack(stacks.data),
    service: Template.fromStack(stacks.service),
    assemblyDirectory: assembly.directory,
    validationReport: JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')),
  };
}

const byStage = new Map<Stage, Synthesized>();

/** A test file synthesizes each stage once. */
export function synth(stage: Stage): Synthesized {
  let synthesized = byStage.get(stage);
  if (!synthesized) {
    synthesized = synthesize({ stage });
    byStage.set(stage, synthesized);
  }
  return synthesized;
}

export type Resource = {
  Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are untyped JSON.
  Properties?: any;
  DependsOn?: string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

export function resourcesOf(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

export function onlyResource(template: Template, type: string): [string, Resource] {
  const entries = Object.entries(resourcesOf(template, type));
  if (entries.length !== 1) throw new Error(`expected one ${type}, found ${entries.length}`);
  return entries[0] as [string, Resource];
}

/**
 * The project's own functions, told apart from the ones CDK adds (bucket deployment,
 * notifications, auto-delete) by what they were built from: the source map of each
 * bundled asset names the `functions/<name>/handler.ts` it started at.
 */
export interface ProjectFunction {
  readonly logicalId: string;
  readonly resource: Resource;
  /** The bundled asset folder in the cloud assembly. */
  readonly assetDirectory: string;
}

export function projectFunctions(synthesized: Synthesized, template: Template): Map<string, ProjectFunction> {
  const found = new Map<string, ProjectFunction>();
  for (const [logicalId, resource] of Object.entries(resourcesOf(template, 'AWS::Lambda::Function'))) {
    const hash = /^([0-9a-f]{64})\.zip$/.exec(String(resource.Properties?.Code?.S3Key))?.[1];
    if (!hash) continue;
    const assetDirectory = join(synthesized.assemblyDirectory, `asset.${hash}`);
    const sourceMap = join(assetDirectory, 'index.mjs.map');
    if (!existsSync(sourceMap)) continue;
    const { sources } = JSON.parse(readFileSync(sourceMap, 'utf8')) as { sources: string[] };
    for (const source of sources) {
      const name = /(?:^|\/)functions\/([^/]+)\/handler\.ts$/.exec(source)?.[1];
      if (name) found.set(name, { logicalId, resource, assetDirectory });
    }
  }
  return found;
}

export function projectFunction(synthesized: Synthesized, name: string): ProjectFunction {
  const fn = projectFunctions(synthesized, synthesized.service).get(name);
  if (!fn) throw new Error(`no function was built from functions/${name}/handler.ts`);
  return fn;
}

export interface PolicyStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Sid?: string;
}

/** The execution role of a function of this template. */
export function roleOf(template: Template, functionResource: Resource): [string, Resource] {
  const roleId = functionResource.Properties?.Role?.['Fn::GetAtt']?.[0] as string | undefined;
  if (!roleId) throw new Error('function has no role of this stack');
  return [roleId, template.findResources('AWS::IAM::Role')[roleId] as Resource];
}

/** Every statement that allows something to the function's execution role, from its inline and attached policies. */
export function roleStatements(template: Template, functionResource: Resource): PolicyStatement[] {
  const [roleId, role] = roleOf(template, functionResource);
  const policies = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).filter((policy) =>
    (policy.Properties?.Roles ?? []).some((ref: unknown) => (ref as { Ref?: string }).Ref === roleId),
  );
  const documents = [
    ...policies.map((policy) => policy.Properties.PolicyDocument),
    ...(role.Properties?.Policies ?? []).map((policy: { PolicyDocument: unknown }) => policy.PolicyDocument),
  ];
  return documents
    .flatMap((document) => document.Statement as PolicyStatement[])
    .filter((statement) => statement.Effect === 'Allow');
}

export const actionsOf = (statement: PolicyStatement): string[] => [statement.Action].flat();
export const resourcesOfStatement = (statement: PolicyStatement): unknown[] => [statement.Resource].flat();

/** Every action the function's execution role is allowed, from its inline and attached policies. */
export function roleActions(template: Template, functionResource: Resource): string[] {
  return roleStatements(template, functionResource).flatMap(actionsOf);
}

/** Whether an IAM action pattern (with `*` and `?` wildcards) allows `action`. */
export function allows(pattern: string, action: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(action);
}
