import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  collectFiles,
  describePlan,
  describeReport,
  KeyCollisionError,
  type UploadReport,
} from '../../scripts/upload/corpus';

let root: string;
const at = (...parts: string[]) => join(root, ...parts);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'headline-digest-upload-'));
  for (const folder of ['dirA', 'dirB', join('dirA', 'nested'), join('other', 'dirA')]) {
    await mkdir(at(folder), { recursive: true });
  }
  await writeFile(at('dirA', '000.txt'), 'a');
  await writeFile(at('dirA', 'nested', '001.txt'), 'a1');
  await writeFile(at('dirA', '.hidden'), 'skipped');
  await writeFile(at('dirB', '000.txt'), 'b');
  await writeFile(at('other', 'dirA', '000.txt'), 'c');
  await writeFile(at('000.txt'), 'd');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const keysOf = async (paths: string[], prefix?: string) =>
  (await collectFiles(paths, { prefix })).map((file) => [file.key, file.path.slice(root.length + 1)]);

describe('the keys of an upload', () => {
  it('are the paths inside a single folder, as before', async () => {
    expect(await keysOf([at('dirA')])).toEqual([
      ['000.txt', join('dirA', '000.txt')],
      ['nested/001.txt', join('dirA', 'nested', '001.txt')],
    ]);
  });

  it("go under each folder's own name when more than one path is given, so no file overwrites another", async () => {
    expect(await keysOf([at('dirA'), at('dirB'), at('000.txt')])).toEqual([
      ['000.txt', '000.txt'],
      ['dirA/000.txt', join('dirA', '000.txt')],
      ['dirA/nested/001.txt', join('dirA', 'nested', '001.txt')],
      ['dirB/000.txt', join('dirB', '000.txt')],
    ]);
  });

  it('go under --prefix when it is set, for files and folders alike', async () => {
    expect(await keysOf([at('dirA')], '/batch/2021/')).toEqual([
      ['batch/2021/000.txt', join('dirA', '000.txt')],
      ['batch/2021/nested/001.txt', join('dirA', 'nested', '001.txt')],
    ]);
    expect(await keysOf([at('000.txt')], 'batch')).toEqual([['batch/000.txt', '000.txt']]);
  });

  it('take the same file named twice once', async () => {
    expect(await keysOf([at('000.txt'), join(root, '.', '000.txt')])).toEqual([['000.txt', '000.txt']]);
  });

  it.each([
    ['two folders under one prefix', [join('dirA'), join('dirB')], 'p', 'p/000.txt', ['dirA', 'dirB']],
    [
      'two folders of the same name',
      [join('dirA'), join('other', 'dirA')],
      undefined,
      'dirA/000.txt',
      ['dirA', join('other', 'dirA')],
    ],
    [
      'two files of the same name',
      [join('dirA', '000.txt'), join('dirB', '000.txt')],
      undefined,
      '000.txt',
      ['dirA', 'dirB'],
    ],
  ])('refuse %s holding the same name, naming both paths', async (_, paths, prefix, key, folders) => {
    expect.assertions(3);
    try {
      await collectFiles(
        paths.map((path) => at(path)),
        { prefix },
      );
    } catch (error) {
      expect(error).toBeInstanceOf(KeyCollisionError);
      expect((error as KeyCollisionError).collisions).toContainEqual({
        key,
        paths: folders.map((folder) => at(folder, '000.txt')),
      });
      expect((error as Error).message).toContain(
        `${key}: ${at(folders[0] as string, '000.txt')} and ${at(folders[1] as string, '000.txt')}`,
      );
    }
  });
});

describe('the summary of an upload', () => {
  const report = (counts: { ingested: number; rejected: number; deleted: number; dead: number; pending: number }) => {
    const keys = (n: number, name: string) => Array.from({ length: n }, (_, index) => `${name}-${index}`);
    const uploaded = counts.ingested + counts.rejected + counts.deleted + counts.dead + counts.pending;
    return {
      uploaded,
      unchanged: keys(2, 'same'),
      failedUploads: [{ key: 'broken', error: 'refused' }],
      outcomesChecked: true,
      ingested: counts.ingested,
      rejected: keys(counts.rejected, 'bad').map((key) => ({ key, code: 'too-few-words', reason: 'short' })),
      deleted: counts.deleted,
      deadLettered: keys(counts.dead, 'dead').map((key) => ({ key, reason: 'boom' })),
      pending: keys(counts.pending, 'waiting'),
    } satisfies UploadReport;
  };

  it('adds up: uploaded = ingested + rejected + deleted + dead-lettered + still pending, unchanged apart', () => {
    const count = fc.nat({ max: 20 });
    fc.assert(
      fc.property(
        fc.record({ ingested: count, rejected: count, deleted: count, dead: count, pending: count }),
        (counts) => {
          const first = describeReport(report(counts)).split('\n')[0] ?? '';
          const numbers =
            /^(\d+) uploaded: (\d+) ingested, (\d+) rejected, (\d+) deleted, (\d+) dead-lettered, (\d+) still pending; (\d+) unchanged, (\d+) failed to upload$/
              .exec(first)
              ?.slice(1)
              .map(Number);
          expect(numbers).toBeDefined();
          const [uploaded, ...outcomes] = numbers ?? [];
          expect(uploaded).toBe(outcomes.slice(0, 5).reduce((sum, n) => sum + n, 0));
          expect(outcomes.slice(5)).toEqual([2, 1]);
        },
      ),
    );
  });

  it('says when the outcomes were not checked, rather than counting none', () => {
    expect(
      describeReport({
        ...report({ ingested: 0, rejected: 0, deleted: 0, dead: 0, pending: 0 }),
        uploaded: 3,
        outcomesChecked: false,
      }),
    ).toBe('3 uploaded (outcomes not checked); 2 unchanged, 1 failed to upload\n  upload failed: broken: refused');
  });

  it('lists, for a dry run, every key it would write and the file it comes from', () => {
    expect(
      describePlan({
        upload: [{ key: 'dirA/000.txt', path: 'dirA/000.txt' }],
        unchanged: [{ key: 'dirB/000.txt', path: 'dirB/000.txt' }],
      }),
    ).toBe(
      [
        'would upload: dirA/000.txt (dirA/000.txt)',
        'unchanged: dirB/000.txt (dirB/000.txt)',
        'dry run: 1 would be uploaded, 1 unchanged; nothing was written',
      ].join('\n'),
    );
  });
});
