import { readConfig } from '../../functions/shared/config';

describe('readConfig', () => {
  it('returns the named variables', () => {
    expect(readConfig(['TABLE_NAME'], { TABLE_NAME: 'articles' })).toEqual({ TABLE_NAME: 'articles' });
  });

  it('names every missing variable at once', () => {
    expect(() => readConfig(['TABLE_NAME', 'BUCKET_NAME'], { TABLE_NAME: '' })).toThrow(
      'Missing required environment variable(s): TABLE_NAME, BUCKET_NAME',
    );
  });
});
