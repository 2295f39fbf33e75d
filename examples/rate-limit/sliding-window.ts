import { createScriptLimiter } from './script-limiter.js';
import type { CreateLimiter } from './types.js';

/**
 * Sliding window over a sorted set of allowed requests scored by their time in ms.
 *
 * The clock is Redis's own TIME, not the instance's: every instance then judges
 * the window on one clock, so skew between hosts cannot widen or shrink it.
 * (Redis >= 5 replicates scripts by effects, so TIME before a write is allowed.)
 *
 * A request at t is allowed iff fewer than `limit` members score in (t - W, t]:
 * scores <= t - W are dropped first. Only allowed requests are added, so
 * rejections never extend a block. The key lives W after its newest member,
 * which is when the whole set has left the window.
 */
export const SLIDING_WINDOW_SCRIPT = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) < limit then
  redis.call('ZADD', key, now, now .. '-' .. ARGV[3])
  redis.call('PEXPIRE', key, window)
  return { 1, now, 0 }
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return { 0, now, tonumber(oldest[2]) }
`;

export const createSlidingWindowLimiter: CreateLimiter = ({ redis }) =>
  createScriptLimiter(redis, SLIDING_WINDOW_SCRIPT);
