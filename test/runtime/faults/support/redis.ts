import { spawn } from 'node:child_process';
import { once } from 'node:events';
import getPort from 'get-port';

export interface RedisServer {
  port: number;
  stop(): Promise<void>;
}

/** A real redis-server on a free 127.0.0.1 port, without persistence. */
export async function startRedis(): Promise<RedisServer> {
  const port = await getPort({ host: '127.0.0.1' });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    const onData = (data: Buffer): void => {
      output += data.toString();
      if (output.includes('Ready to accept connections')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`redis-server exited before it was ready:\n${output}`)));
  });
  return {
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
    },
  };
}
