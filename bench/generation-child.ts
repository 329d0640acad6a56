import { parseArgs } from 'node:util';
import { peakRssMb, reportToParent, settledRssMb } from './child';

/**
 * One run of the generation benchmark in a process of its own, configured by its environment as a
 * Lambda is: `generate` invokes the generator handler once, `read` only reads the date's summaries
 * from the table as the generator does. Each imports only what it runs, so its memory is its own.
 * Started by generation.ts.
 */

export interface GenerationChildResult {
  readonly ms: number;
  /** Resident once the modules are loaded, before the run. */
  readonly loadedRssMb: number;
  readonly peakRssMb: number;
  /** `read`: summaries read; `generate`: the dates the run generated. */
  readonly articles?: number;
  readonly generated?: readonly string[];
}

const { values } = parseArgs({ options: { kind: { type: 'string' }, date: { type: 'string' } } });
const date = values.date as string;

await reportToParent(async (): Promise<GenerationChildResult> => {
  if (values.kind === 'read') {
    const { DynamoDbArticleStore } = await import('../functions/adapters/dynamodb-article-store');
    const { createDocumentClient } = await import('../functions/shared/clients');
    const store = new DynamoDbArticleStore(createDocumentClient(), process.env.TABLE_NAME as string);
    const loadedRssMb = settledRssMb();
    const started = performance.now();
    // Kept as computeDigest keeps them: every summary of the date in memory at once.
    const summaries: unknown[] = [];
    for await (const summary of store.listSummaries(date)) summaries.push(summary);
    const ms = performance.now() - started;
    return { ms, loadedRssMb, peakRssMb: peakRssMb(), articles: summaries.length };
  }
  const { handler } = await import('../functions/generate-digests/handler');
  const { lambdaContext } = await import('../scripts/local/lambda-context');
  const loadedRssMb = settledRssMb();
  const started = performance.now();
  // As EventBridge invokes it, with the deployed function's five-minute timeout.
  const summary = await handler(
    { source: 'aws.events', 'detail-type': 'Scheduled Event' },
    lambdaContext('generate-digests', 300_000),
  );
  const ms = performance.now() - started;
  if (summary.failed.length > 0 || !summary.generated.includes(date)) {
    throw new Error(`the generator did not generate ${date}: ${JSON.stringify(summary)}`);
  }
  return { ms, loadedRssMb, peakRssMb: peakRssMb(), generated: summary.generated };
});
