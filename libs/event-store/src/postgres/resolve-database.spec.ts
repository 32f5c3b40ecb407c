import { resolveDatabase } from './resolve-database';

describe('resolveDatabase', () => {
  it('uses DATABASE_URL as given, starting nothing', async () => {
    const resolved = await resolveDatabase({ DATABASE_URL: 'postgresql://u:p@db.example:5432/app' });
    expect(resolved).toMatchObject({ connectionString: 'postgresql://u:p@db.example:5432/app', source: 'external' });
    await expect(resolved.stop()).resolves.toBeUndefined();
  });
});
