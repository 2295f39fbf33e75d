export { spawnInGroup } from './spawn.js';
export type { CapturedLine, ExitStatus, GroupProcess, GroupSpawnOptions } from './spawn.js';
export { createTempDir, removeTempDir, sweepDeadOwners } from './temp.js';
export { holdExitForChildren } from './children.js';
export { stopEverything } from './ownership.js';
export { liveGroupMembers, isGroupAlive } from './proc-table.js';
export { reaperPid } from './reaper.js';
