import { Redis } from 'ioredis';
import type { Logger, RedisClientSettings } from './types.js';

/**
 * Redis gets 200 ms to answer a command; past that the limiter treats it as unreachable
 * and fails open, which keeps every answer well inside the contract's 500 ms.
 */
export const REDIS_CLIENT_SETTINGS: RedisClientSettings = {
  commandTimeoutMs: 200,
  connectTimeoutMs: 500,
  reconnectDelayMs: 100,
};

/**
 * A client that never makes a request wait for Redis: commands are refused at once
 * while disconnected, time out while Redis is silent, and the connection is
 * re-established every `reconnectDelayMs` for as long as Redis is away.
 */
export function createRedisClient(url: string, settings: RedisClientSettings, logger: Logger): Redis {
  const redis = new Redis(url, {
    commandTimeout: settings.commandTimeoutMs,
    // A silent connection is dropped and redialled: a timed-out command stays in
    // ioredis's reply queue, so keeping the socket could pair later replies with it.
    socketTimeout: settings.commandTimeoutMs,
    connectTimeout: settings.connectTimeoutMs,
    retryStrategy: () => settings.reconnectDelayMs,
    // Refuse rather than queue while disconnected: the request fails open now, not later.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // A command given up on was answered by failing open; replaying it after a
    // reconnect would count a request twice.
    autoResendUnfulfilledCommands: false,
    disableClientInfo: true,
  });
  logConnectionChanges(redis, logger);
  return redis;
}

/**
 * Settles when the first connection attempt has an outcome (connected, or failed) or after `capMs`.
 * Serving before that would let the first requests through unchecked while the socket
 * is still opening, e.g. right after an instance restart.
 */
export function firstConnectionOutcome(redis: Redis, capMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      redis.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, capMs).unref();
    redis.once('ready', done);
    redis.once('error', done);
  });
}

/** One line per change of state, not per reconnection attempt, so an outage cannot flood the log. */
function logConnectionChanges(redis: Redis, logger: Logger): void {
  let connected = false;
  let lastError = '';
  redis.on('ready', () => {
    connected = true;
    lastError = '';
    logger.info('redis connected');
  });
  redis.on('error', (error: Error) => {
    const message = error.message;
    if (message === lastError && !connected) return;
    lastError = message;
    connected = false;
    logger.info(`redis unavailable: ${message}`);
  });
  redis.on('close', () => {
    if (!connected) return;
    connected = false;
    logger.info('redis connection closed');
  });
}
