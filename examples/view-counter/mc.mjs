// A memcached text-protocol client for `expect exec`: `node mc.mjs HOST:PORT get KEY` prints the
// value (nothing when the key is missing); `… flush` empties the server. Exits 1 when unreachable.
import net from 'node:net';

const [address, command, key] = process.argv.slice(2);
const [host, port] = address.split(':');
const line = command === 'get' ? `get ${key}\r\n` : 'flush_all\r\n';
const socket = net.connect({ host, port: Number(port) }, () => socket.write(line));
let reply = '';
socket.setTimeout(2000, () => {
  console.error('memcached did not answer');
  process.exit(1);
});
socket.on('data', (chunk) => {
  reply += chunk;
  if (!/(END|OK|ERROR)\r\n$/.test(reply)) return;
  socket.end();
  const value = /^VALUE \S+ \d+ \d+\r\n(.*)\r\n/.exec(reply);
  if (value) process.stdout.write(value[1]);
});
socket.on('error', (error) => {
  console.error(`memcached unreachable: ${error.message}`);
  process.exit(1);
});
