/** Runs SQL directly on a PostgreSQL service; rows come back as JSON-normalised objects. */
import pg from 'pg';

const DATE_OID = 1082;
const INT8_OID = 20;

/** Dates stay `YYYY-MM-DD` (pg would shift them through the local time zone); safe int8 values become numbers. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) {
      return (value: string) => (Number.isSafeInteger(Number(value)) ? Number(value) : value);
    }
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as unknown as pg.CustomTypesConfig;

export interface SqlResult {
  rows: Array<Record<string, unknown>>;
  rowCount: number;
}

export async function runSql(url: string, query: string, params: unknown[] = []): Promise<SqlResult> {
  const client = new pg.Client({ connectionString: url, types, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const result = await client.query(query, params);
    const rows = JSON.parse(JSON.stringify(result.rows)) as Array<Record<string, unknown>>;
    return { rows, rowCount: result.rowCount ?? rows.length };
  } finally {
    await client.end();
  }
}
