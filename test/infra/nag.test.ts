import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { buildApp } from '../../lib/app';
import {
  GUARD_PACK,
  guardAcknowledgements,
  NAG_PACK,
  type NagAcknowledgement,
  nagAcknowledgements,
} from '../../lib/nag';
import type { Stage } from '../../lib/stage';
import { newApp, type ReportedFinding, type Synthesized, synthesize } from './synth';

// An unacknowledged error already fails synthesis (and so every other test file). Here synthesis
// carries on, so that a failure lists every finding, warnings included, rather than stopping at one.
const KEEP_GOING = { '@aws-cdk/core:failSynthOnValidationErrors': false };
const byStage: Record<Stage, Synthesized> = {
  dev: synthesize({ ...KEEP_GOING, stage: 'dev' }),
  prod: synthesize({ ...KEEP_GOING, stage: 'prod' }),
};

const packReport = (synthesized: Synthesized, pack: string) => {
  const report = synthesized.validationReport.pluginReports.find((plugin) => plugin.pluginName === pack);
  if (!report) throw new Error(`no ${pack} report: the plugin did not run`);
  return report;
};
/** The two policy packs: cdk-nag's AwsSolutions and cfn-guard's AWS Control Tower rules. */
const PACKS: [string, (stacks: Synthesized['stacks']) => NagAcknowledgement[]][] = [
  [NAG_PACK, nagAcknowledgements],
  [GUARD_PACK, guardAcknowledgements],
];
const describeFinding = (finding: ReportedFinding) =>
  finding.violatingConstructs.map((construct) => `${finding.ruleName} at ${construct.constructPath}`);

describe.each(
  (['dev', 'prod'] as const).flatMap((stage) =>
    PACKS.map(([pack, acknowledge]) => [pack, stage, acknowledge] as const),
  ),
)('%s in %s', (pack, stage, acknowledge) => {
  const synthesized = byStage[stage];
  const report = packReport(synthesized, pack);
  const acknowledgements = acknowledge(synthesized.stacks);

  it('reports no finding that is not acknowledged, error or warning', () => {
    expect(report.violations.flatMap(describeFinding)).toEqual([]);
    expect(report.conclusion).toBe('success');
  });

  it('uses every acknowledgement, on the construct it names, with its reason', () => {
    const suppressed = report.suppressedViolations ?? [];
    for (const { scope, rule, reason } of acknowledgements) {
      const used = suppressed.filter(
        (finding) => finding.acknowledgedId === `${pack}::${rule}` && finding.acknowledgedAt === scope.node.path,
      );
      expect({ rule, at: scope.node.path, used: used.length }).toEqual({ rule, at: scope.node.path, used: 1 });
      expect(used[0]?.reason).toBe(reason);
      // The narrowest scope: the acknowledgement sits on the very resource the finding is about.
      expect(used[0]?.violatingConstructs.map(({ constructPath }) => constructPath)).toEqual([scope.node.path]);
    }
    expect(suppressed).toHaveLength(acknowledgements.length);
  });

  it('gives each acknowledgement a specific reason', () => {
    const reasons = acknowledgements.map(({ reason }) => reason);
    for (const reason of reasons) expect(reason.length).toBeGreaterThanOrEqual(80);
    // One reason per finding; only the same finding on different constructs repeats a sentence.
    const perRule = new Map<string, Set<string>>();
    for (const { rule, reason } of acknowledgements) perRule.set(reason, (perRule.get(reason) ?? new Set()).add(rule));
    for (const rules of perRule.values()) expect(rules.size).toBe(1);
  });

  it('acknowledges nothing for a whole stack or the app', () => {
    const stackPaths = [synthesized.stacks.data, synthesized.stacks.service].map((stack) => stack.node.path);
    for (const { scope } of acknowledgements) {
      expect(stackPaths).not.toContain(scope.node.path);
      expect(scope.node.path).not.toBe('');
    }
  });
});

/** What synthesis of the app throws, as text; `synthesized` when it does not. */
function synthesisFailure(app: ReturnType<typeof newApp>): string {
  try {
    app.synth();
  } catch (error) {
    return String(error);
  }
  return 'synthesized';
}

describe('cdk-nag', () => {
  it('runs in every synthesis of the app, over both stacks, and fails it on a new finding', () => {
    const app = newApp();
    const { data, service } = buildApp(app);
    // Buckets without server access logs, added after the checks and acknowledgements were set up.
    new Bucket(data, 'Unchecked');
    new Bucket(service, 'Unchecked');
    const failure = synthesisFailure(app);
    expect(failure).toMatch(/The S3 Bucket has server access logs disabled/);
    expect(failure).toContain('HeadlineDigest-Dev-Data/Unchecked/Resource');
    expect(failure).toContain('HeadlineDigest-Dev-Service/Unchecked/Resource');
  });
});

describe('cfn-guard with the Control Tower rules', () => {
  it('runs in every synthesis of the app and fails it on a new failure', () => {
    const app = newApp();
    const { service } = buildApp(app);
    // A queue without a dead-letter queue (CT.SQS.PR.1), added after the checks and acknowledgements were set up.
    new Queue(service, 'Unchecked');
    const failure = synthesisFailure(app);
    expect(failure).toMatch(/CT\.SQS\.PR\.1|sqs_dlq_check/);
    expect(failure).toContain('HeadlineDigest-Dev-Service/Unchecked/Resource');
  });
});
