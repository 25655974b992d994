import { describe, expect, it } from '@jest/globals';
import { useMigrationDataSource } from '../support/database.js';

/** The migrations are the only source of the schema: they must describe exactly what the entities declare. */
describe('schema', () => {
  const dataSource = useMigrationDataSource();

  it('leaves nothing for migration:generate to add after all migrations ran on an empty database', async () => {
    const pending = await dataSource().driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('reverts every migration and applies them again', async () => {
    const count = dataSource().migrations.length;
    for (let i = 0; i < count; i++) await dataSource().undoLastMigration({ transaction: 'each' });
    const [{ tables }] = await dataSource().query<{ tables: string }[]>(
      `SELECT count(*) AS tables FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    );
    expect(Number(tables)).toBe(0);
    const applied = await dataSource().runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(count);
    const pending = await dataSource().driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });
});
