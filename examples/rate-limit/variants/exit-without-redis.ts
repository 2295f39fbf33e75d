// Wrong: exits at start when Redis is not there, instead of starting and failing open.
// Like many hand-written clients, it takes a TCP connect for "Redis is up".
import { connect } from 'node:net';
import { readConfig } from '../config.js';
import { serveRateLimitApp } from '../serve.js';

const { hostname, port } = new URL(readConfig().redisUrl);
const reachable = await new Promise<boolean>((resolve) => {
  const socket = connect({ host: hostname, port: Number(port) || 6379 });
  socket.once('connect', () => {
    socket.destroy();
    resolve(true);
  });
  socket.once('error', () => resolve(false));
});
if (!reachable) {
  console.error('ratelimit: redis not reachable at start, exiting');
  process.exit(1);
}
await serveRateLimitApp();
