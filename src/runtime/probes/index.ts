export { selectLogLines, lineHasLevel } from './logs.js';
export type { LogLevel, LogQuery } from './logs.js';
export { scrapeMetrics, metricValue } from './metrics.js';
export type { MetricsSnapshot } from './metrics.js';
export { withRedis, inspectKey, scanKeys, redisCommand } from './redis.js';
export type { RedisKeyState } from './redis.js';
export { runSql } from './sql.js';
export type { SqlResult } from './sql.js';
