import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import type { ArticleStore, ObjectRecord } from '../../functions/core/ports';

export interface CorpusFile {
  readonly path: string;
  readonly key: string;
}

/** Every file named, and every file below every folder named (hidden ones skipped), keyed as in the folder. */
export async function collectFiles(paths: readonly string[]): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isFile()) files.push({ path, key: basename(path) });
    else if (info.isDirectory()) files.push(...(await walk(path, path)));
  }
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

async function walk(root: string, directory: string): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(root, path)));
    else if (entry.isFile()) files.push({ path, key: relative(root, path).split(sep).join('/') });
  }
  return files;
}

export interface UploadReport {
  readonly uploaded: number;
  readonly failedUploads: readonly { key: string; error: string }[];
  readonly ingested: number;
  readonly rejected: readonly { key: string; code: string; reason: string }[];
  readonly deleted: number;
  readonly deadLettered: readonly { key: string; reason: string }[];
  /** Uploaded, but no outcome recorded before the wait ran out. */
  readonly pending: readonly string[];
}

export interface UploadOptions {
  readonly s3: S3Client;
  readonly bucketName: string;
  /** Where outcomes are read back; without it the upload does not wait for them. */
  readonly articles?: ArticleStore;
  readonly files: readonly CorpusFile[];
  readonly concurrency?: number;
  readonly waitSeconds?: number;
  readonly onUploaded?: (done: number) => void;
  readonly onSettled?: (done: number) => void;
}

/** Uploads a corpus of seed files and reports what the service made of each. */
export async function uploadCorpus(options: UploadOptions): Promise<UploadReport> {
  const limit = pLimit(options.concurrency ?? 8);
  const startedAt = new Date().toISOString();
  const failedUploads: { key: string; error: string }[] = [];
  let uploaded = 0;
  await Promise.all(
    options.files.map((file) =>
      limit(async () => {
        try {
          const body = await readFile(file.path);
          await options.s3.send(
            new PutObjectCommand({ Bucket: options.bucketName, Key: file.key, Body: body, ContentLength: body.length }),
          );
        } catch (error) {
          failedUploads.push({ key: file.key, error: (error as Error).message });
        }
        uploaded += 1;
        options.onUploaded?.(uploaded);
      }),
    ),
  );
  const failed = new Set(failedUploads.map((failure) => failure.key));
  const keys = options.files.map((file) => file.key).filter((key) => !failed.has(key));
  const outcomes = options.articles
    ? await waitForOutcomes(options.articles, keys, startedAt, options.waitSeconds ?? 120, limit, options.onSettled)
    : new Map<string, ObjectRecord>();
  const records = [...outcomes.values()];
  return {
    uploaded: keys.length,
    failedUploads,
    ingested: records.filter((record) => record.status === 'ingested').length,
    rejected: records
      .filter((record) => record.status === 'rejected')
      .map(({ key, code = '', reason = '' }) => ({ key, code, reason })),
    deleted: records.filter((record) => record.status === 'deleted').length,
    deadLettered: records
      .filter((record) => record.status === 'failed')
      .map(({ key, reason = '' }) => ({ key, reason })),
    pending: options.articles ? keys.filter((key) => !outcomes.has(key)) : [],
  };
}

/** Polls each key's record until it shows an outcome newer than the upload, or the wait runs out. */
async function waitForOutcomes(
  articles: ArticleStore,
  keys: readonly string[],
  since: string,
  waitSeconds: number,
  limit: ReturnType<typeof pLimit>,
  onSettled?: (done: number) => void,
): Promise<Map<string, ObjectRecord>> {
  const outcomes = new Map<string, ObjectRecord>();
  const deadline = Date.now() + waitSeconds * 1000;
  while (outcomes.size < keys.length && Date.now() < deadline) {
    const open = keys.filter((key) => !outcomes.has(key));
    await Promise.all(
      open.map((key) =>
        limit(async () => {
          const record = await articles.getObject(key);
          if (record && record.at >= since) outcomes.set(key, record);
        }),
      ),
    );
    onSettled?.(outcomes.size);
    if (outcomes.size < keys.length) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return outcomes;
}

/** The closing summary: counts, and every rejection grouped by its reason. */
export function describeReport(report: UploadReport): string {
  const lines = [
    `${report.uploaded} uploaded: ${report.ingested} ingested, ${report.rejected.length} rejected, ` +
      `${report.deadLettered.length} dead-lettered, ${report.pending.length} still pending` +
      (report.failedUploads.length ? `, ${report.failedUploads.length} failed to upload` : ''),
  ];
  const byCode = new Map<string, string[]>();
  for (const rejection of report.rejected)
    byCode.set(rejection.code, [...(byCode.get(rejection.code) ?? []), rejection.key]);
  for (const [code, keys] of [...byCode].sort()) {
    const example = report.rejected.find((rejection) => rejection.code === code)?.reason;
    lines.push(
      `  rejected, ${code} (${keys.length}): ${example} — ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`,
    );
  }
  for (const { key, reason } of report.deadLettered) lines.push(`  dead-lettered: ${key}: ${reason}`);
  for (const { key, error } of report.failedUploads) lines.push(`  upload failed: ${key}: ${error}`);
  if (report.pending.length) lines.push(`  pending: ${report.pending.slice(0, 10).join(', ')}`);
  return lines.join('\n');
}
