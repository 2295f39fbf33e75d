// Page views counted in memcached (CACHE_URL, memcache://host:port), failing open: when the
// cache is down or slow, a view is still served, without a count, with a warning and a metric.
import http from 'node:http';
import net from 'node:net';
import { pathToFileURL } from 'node:url';

const cache = new URL(process.env.CACHE_URL ?? 'memcache://127.0.0.1:11211');
let cacheErrors = 0;

/** One command on a fresh connection, resolved with the reply line(s); rejects on error or timeout. */
export function memcached(line, timeoutMs = 300) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: cache.hostname, port: Number(cache.port) }, () => socket.write(line));
    let reply = '';
    if (timeoutMs > 0)
      socket.setTimeout(timeoutMs, () => {
        socket.destroy();
        reject(new Error(`no answer within ${timeoutMs} ms`));
      });
    socket.on('data', (chunk) => {
      reply += chunk;
      if (!reply.endsWith('\r\n')) return;
      socket.end();
      resolve(reply.trim());
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('connection closed')));
  });
}

/** incr, or add the first view; a lost `add` race falls back to incr. */
export async function countView(page) {
  const key = `views:${page}`;
  const incremented = await memcached(`incr ${key} 1\r\n`);
  if (/^\d+$/.test(incremented)) return Number(incremented);
  const added = await memcached(`add ${key} 0 0 1\r\n1\r\n`);
  if (added === 'STORED') return 1;
  return Number(await memcached(`incr ${key} 1\r\n`));
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The service; variants swap how a view is counted and what a cache failure answers. */
export function serve({
  count = countView,
  onCacheError = (res, page) => send(res, 200, { page, views: null }),
} = {}) {
  const server = http.createServer(async (req, res) => {
    if (req.url === '/healthz') return send(res, 200, { ok: true });
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      return res.end(`# TYPE views_cache_errors_total counter\nviews_cache_errors_total ${cacheErrors}\n`);
    }
    const page = /^\/pages\/([a-z0-9-]{1,40})$/.exec(req.url ?? '')?.[1];
    if (req.method !== 'POST' || !page) return send(res, 404, { error: 'not_found' });
    try {
      send(res, 200, { page, views: await count(page) });
    } catch (error) {
      cacheErrors++;
      console.warn(`WARN view cache unavailable: ${error.message}`);
      onCacheError(res, page);
    }
  });
  server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

export { send };

// Run directly (not imported by a variant): serve the reference.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) serve();
