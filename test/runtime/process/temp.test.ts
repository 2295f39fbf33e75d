import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDir, removeTempDir, sweepDeadOwners } from '../../../src/runtime/process/index.js';
import { isIdentityAlive, processIdentity } from '../../../src/runtime/process/proc-table.js';

/** The identity of a process that has ended: read from inside it, while it ran. */
function deadIdentity(): string {
  const script = `const s = require('fs').readFileSync('/proc/self/stat', 'utf8');
process.stdout.write(process.pid + '.' + s.slice(s.lastIndexOf(')') + 2).split(' ')[19]);`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout;
}

let parent: string;
beforeAll(async () => {
  parent = await createTempDir('sweep-test');
});
afterAll(async () => {
  await removeTempDir(parent);
});

describe('temp dirs record their owner', () => {
  test('a dir is named after the process that made it, which is alive', async () => {
    const dir = await createTempDir('owned', parent);
    expect(basename(dir)).toMatch(
      new RegExp(`^specgate-owned-${processIdentity().replace('.', '\\.')}-\\w{6}$`),
    );
    expect(processIdentity()).toMatch(/^\d+\.\d+$/);
    expect(isIdentityAlive(processIdentity())).toBe(true);
    await removeTempDir(dir);
  });

  test('a sweep removes the dirs of dead owners only', async () => {
    const dead = deadIdentity();
    expect(dead).toMatch(/^\d+\.\d+$/);
    expect(isIdentityAlive(dead)).toBe(false);
    const names = {
      deadOwner: `specgate-run-${dead}-AbC123`,
      deadLabelWithDashes: `specgate-redis-cache-${dead}-xyzXYZ`,
      // Same pid as a live process, another start time: the pid was reused, its owner is gone.
      reusedPid: `specgate-suite-${process.pid}.1-q1w2e3`,
      liveOwner: `specgate-run-${processIdentity()}-r4t5y6`,
      noOwner: 'specgate-run-AbCdEf',
      notOurs: `other-${dead}-AbC123`,
    };
    for (const name of Object.values(names)) {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, 'data'), 'x');
    }
    // A link named like a dead owner's dir is not followed (its target stays).
    const target = join(parent, 'link-target');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    const link = `specgate-run-${dead}-LiNk00`;
    symlinkSync(target, join(parent, link));

    const removed = await sweepDeadOwners(parent);

    expect(removed.sort()).toEqual([names.deadOwner, names.deadLabelWithDashes, names.reusedPid].sort());
    expect(readdirSync(parent).sort()).toEqual(
      [names.liveOwner, names.noOwner, names.notOurs, 'link-target', link].sort(),
    );
    expect(existsSync(join(target, 'keep'))).toBe(true);
  });
});
