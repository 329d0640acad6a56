import { rememberNeighbours } from '../../functions/app/digests';

describe("a digest's neighbours, remembered", () => {
  it('reads the store once per period within the time to live, and again after it', async () => {
    let clock = 0;
    const asked: string[] = [];
    const neighbours = rememberNeighbours(
      {
        neighbours: async (period) => {
          asked.push(period);
          return { previous: `${period}-before` };
        },
      },
      60_000,
      () => clock,
    );
    await expect(neighbours('2021-12')).resolves.toEqual({ previous: '2021-12-before' });
    await neighbours('2021-12');
    await neighbours('2021-11');
    expect(asked).toEqual(['2021-12', '2021-11']);
    clock = 60_000;
    await neighbours('2021-12');
    expect(asked).toEqual(['2021-12', '2021-11', '2021-12']);
  });

  it('does not remember a failed read', async () => {
    expect.assertions(2);
    let calls = 0;
    const neighbours = rememberNeighbours(
      {
        neighbours: async () => {
          calls += 1;
          if (calls === 1) throw new Error('throttled');
          return { next: '2022-01' };
        },
      },
      60_000,
      () => 0,
    );
    await expect(neighbours('2021-12')).rejects.toThrow('throttled');
    await expect(neighbours('2021-12')).resolves.toEqual({ next: '2022-01' });
  });
});
