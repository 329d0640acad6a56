import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { HeadObjectCommand, type HeadObjectCommandOutput, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import type { ArticleStore, ObjectRecord } from '../../functions/core/ports';

export interface CorpusFile {
  readonly path: string;
  readonly key: string;
}

export interface CollectOptions {
  /** Every key goes under this prefix (`--prefix`), as under the destination of `aws s3 cp … s3://bucket/<prefix>/`. */
  readonly prefix?: string | undefined;
}

/** Two or more files of one upload that would be written under the same key. */
export interface KeyCollision {
  readonly key: string;
  readonly paths: readonly string[];
}

/** Thrown before anything is uploaded when files would overwrite one another. */
export class KeyCollisionError extends Error {
  override readonly name = 'KeyCollisionError';
  constructor(readonly collisions: readonly KeyCollision[]) {
    super(
      [
        `${collisions.length === 1 ? 'Two files' : 'Files'} would be uploaded under the same key, so nothing was uploaded:`,
        ...collisions.map(({ key, paths }) => `  ${key}: ${paths.join(' and ')}`),
        'Give each a key of its own: upload the folders without --prefix (each goes under its own name), one at a time, or rename the files.',
      ].join('\n'),
    );
  }
}

/**
 * The files of an upload and their keys, in the manner of `aws s3 cp --recursive`: a file is
 * keyed by its name; a folder's files by their paths inside it (hidden ones skipped), and, when
 * more than one path is given, under the folder's own name as well, so that `dirA dirB` keeps
 * `dirA/000.txt` and `dirB/000.txt` apart. With a prefix every key goes under it instead. Files
 * that would still share a key are a `KeyCollisionError` naming each of them, before anything is
 * uploaded; the same file named twice under the same key is uploaded once.
 */
export async function collectFiles(paths: readonly string[], options: CollectOptions = {}): Promise<CorpusFile[]> {
  const prefix = options.prefix?.replace(/^\/+|\/+$/g, '') ?? '';
  const files: CorpusFile[] = [];
  for (const path of paths) {
    const info = await stat(path);
    const under = prefix || (paths.length > 1 && info.isDirectory() ? basename(resolve(path)) : '');
    const keyed = (key: string) => (under ? `${under}/${key}` : key);
    if (info.isFile()) files.push({ path, key: keyed(basename(path)) });
    else if (info.isDirectory()) {
      for (const file of await walk(path, path)) files.push({ path: file.path, key: keyed(file.key) });
    }
  }
  const byKey = new Map<string, CorpusFile[]>();
  for (const file of files) {
    const same = byKey.get(file.key) ?? [];
    if (!same.some((other) => resolve(other.path) === resolve(file.path))) same.push(file);
    byKey.set(file.key, same);
  }
  const collisions = [...byKey]
    .filter(([, same]) => same.length > 1)
    .map(([key, same]) => ({ key, paths: same.map((file) => file.path) }));
  if (collisions.length > 0) throw new KeyCollisionError(collisions.sort(byKeyOrder));
  return [...byKey.values()].map((same) => same[0] as CorpusFile).sort(byKeyOrder);
}

const byKeyOrder = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

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

/** What an upload would do: the files it writes, and those whose content the bucket already holds under their key. */
export interface UploadPlan {
  readonly upload: readonly CorpusFile[];
  readonly unchanged: readonly CorpusFile[];
}

/**
 * Sorts `files` into those to write and those already in the bucket, as `aws s3 sync` skips what is
 * there, but by content: the object's size and ETag (the MD5 of a single-part upload, as these are)
 * against the file's. Where the bucket cannot tell (no such object, a multipart ETag, no permission
 * to look), the file is written.
 */
export async function planUpload(
  s3: S3Client,
  bucketName: string,
  files: readonly CorpusFile[],
  concurrency = 8,
): Promise<UploadPlan> {
  const limit = pLimit(concurrency);
  const same = await Promise.all(files.map((file) => limit(() => isInBucket(s3, bucketName, file))));
  return {
    upload: files.filter((_, index) => !same[index]),
    unchanged: files.filter((_, index) => same[index]),
  };
}

async function isInBucket(s3: S3Client, bucketName: string, file: CorpusFile): Promise<boolean> {
  let head: HeadObjectCommandOutput;
  try {
    head = await s3.send(new HeadObjectCommand({ Bucket: bucketName, Key: file.key }));
  } catch {
    return false;
  }
  if (head.ContentLength !== (await stat(file.path)).size) return false;
  return (
    head.ETag?.replace(/"/g, '') ===
    createHash('md5')
      .update(await readFile(file.path))
      .digest('hex')
  );
}

export interface UploadReport {
  /** Files written to the bucket. */
  readonly uploaded: number;
  /** Files not written: the bucket held the same content under the same key. */
  readonly unchanged: readonly string[];
  readonly failedUploads: readonly { key: string; error: string }[];
  /** False when outcomes were not read back (no table): then only the counts above are known. */
  readonly outcomesChecked: boolean;
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
  /** How many files are done uploading (the unchanged ones included), after each upload. */
  readonly onUploaded?: (done: number) => void;
  /** How many files have their outcome (the unchanged ones included), after each poll. */
  readonly onSettled?: (done: number) => void;
}

/**
 * Uploads a corpus of seed files (each key at most once: `collectFiles` refuses collisions) and
 * reports what the service made of each. The counts add up: every file is uploaded, unchanged or
 * failed to upload, and every uploaded one is ingested, rejected, deleted, dead-lettered or still pending.
 */
export async function uploadCorpus(options: UploadOptions): Promise<UploadReport> {
  const concurrency = options.concurrency ?? 8;
  const limit = pLimit(concurrency);
  const keys = new Set<string>();
  for (const { key } of options.files) {
    if (keys.has(key)) throw new Error(`${key} is in this upload twice: one file would overwrite the other`);
    keys.add(key);
  }
  const startedAt = new Date().toISOString();
  const plan = await planUpload(options.s3, options.bucketName, options.files, concurrency);
  const failedUploads: { key: string; error: string }[] = [];
  let done = plan.unchanged.length;
  await Promise.all(
    plan.upload.map((file) =>
      limit(async () => {
        try {
          const body = await readFile(file.path);
          await options.s3.send(
            new PutObjectCommand({ Bucket: options.bucketName, Key: file.key, Body: body, ContentLength: body.length }),
          );
        } catch (error) {
          failedUploads.push({ key: file.key, error: (error as Error).message });
        }
        done += 1;
        options.onUploaded?.(done);
      }),
    ),
  );
  const failed = new Set(failedUploads.map((failure) => failure.key));
  const uploaded = plan.upload.map((file) => file.key).filter((key) => !failed.has(key));
  const outcomes = options.articles
    ? await waitForOutcomes(options.articles, uploaded, startedAt, options.waitSeconds ?? 120, limit, (settled) =>
        // Unchanged files are settled from the start.
        options.onSettled?.(settled + plan.unchanged.length),
      )
    : new Map<string, ObjectRecord>();
  const records = [...outcomes.values()];
  const withStatus = (status: ObjectRecord['status']) => records.filter((record) => record.status === status);
  return {
    uploaded: uploaded.length,
    unchanged: plan.unchanged.map((file) => file.key),
    failedUploads,
    outcomesChecked: options.articles !== undefined,
    ingested: withStatus('ingested').length,
    rejected: withStatus('rejected').map(({ key, code = '', reason = '' }) => ({ key, code, reason })),
    deleted: withStatus('deleted').length,
    deadLettered: withStatus('failed').map(({ key, reason = '' }) => ({ key, reason })),
    pending: options.articles ? uploaded.filter((key) => !outcomes.has(key)) : [],
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

/** The closing summary: counts that add up, and every rejection grouped by its reason. */
export function describeReport(report: UploadReport): string {
  const outcomes = report.outcomesChecked
    ? `: ${report.ingested} ingested, ${report.rejected.length} rejected, ${report.deleted} deleted, ` +
      `${report.deadLettered.length} dead-lettered, ${report.pending.length} still pending`
    : ' (outcomes not checked)';
  const lines = [
    `${report.uploaded} uploaded${outcomes}; ${report.unchanged.length} unchanged, ` +
      `${report.failedUploads.length} failed to upload`,
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

/** What `--dry-run` prints: every key it would write, with the file it comes from, and what it would leave. */
export function describePlan(plan: UploadPlan): string {
  return [
    ...plan.upload.map((file) => `would upload: ${file.key} (${file.path})`),
    ...plan.unchanged.map((file) => `unchanged: ${file.key} (${file.path})`),
    `dry run: ${plan.upload.length} would be uploaded, ${plan.unchanged.length} unchanged; nothing was written`,
  ].join('\n');
}
