/**
 * What `specgate init` writes: a spec with every section, a dependency started by the harness,
 * a failure mode with a fault and its log and metric checks, a property, and a server of a dozen
 * lines that passes it, so that the first `specgate test` judges something real.
 */
export type StarterService = 'redis' | 'postgres';

export const STARTER_SERVICES: readonly StarterService[] = ['redis', 'postgres'];

export const DEFAULT_STARTER_SPEC_FILE = 'specs/visits.md';

/** The starter server, beside the specs, run with `node` (it imports the client specgate depends on). */
export const STARTER_SERVER_FILE = 'visits-server.mjs';

interface ServiceText {
  title: string;
  env: string;
  client: string;
  name: string;
}

const SERVICES: Record<StarterService, ServiceText> = {
  redis: { title: 'Redis', env: 'REDIS_URL', client: 'ioredis', name: 'redis' },
  postgres: { title: 'PostgreSQL', env: 'DATABASE_URL', client: 'pg', name: 'db' },
};

/** The starter spec for a spec named `name` (the file's base name) backed by `service`. */
export function starterSpec(name: string, service: StarterService): string {
  const { title, env, name: serviceName } = SERVICES[service];
  return `---
spec: ${name}
target:
  # The command that starts your implementation, run from the project root. It gets PORT, HOST
  # and ${env} in its env and must answer GET /healthz with 200 once ready.
  command: node ${STARTER_SERVER_FILE}
  ready: /healthz
services:
  # Started by the harness on a free loopback port, behind a fault proxy.
  ${serviceName}: ${service}
runs: 5
timeout: 30s
---

# Visit counter

## Goal

Count visits. Each \`POST /visits\` adds one, \`GET /visits\` tells how many there were. Replace
this spec with the feature you are building: one section per part of the contract, one criterion
per decision an implementation must honour, and a yaml block under each criterion that checks it.

## Inputs / Outputs

- \`POST /visits\` answers \`200 {"count": <visits so far, this one included>}\`.
- \`GET /visits\` answers \`200 {"count": <visits so far>}\`.
- When ${title} cannot be reached: \`503 {"error":"unavailable"}\`.
- \`GET /healthz\` answers 200 once the service is ready; \`GET /metrics\` is Prometheus text.

## Constraints

- **C-1 counts-in-${service}**: the count lives in ${title}, not in process memory, so every
  instance sees the same count.
  \`\`\`yaml
  instances: 2
  steps:
    - send: POST /visits
      instance: 0
      expect: { status: 200, body: { count: 1 } }
    - send: GET /visits
      instance: 1
      expect: { status: 200, body: { count: 1 } }
  \`\`\`

## Failure Modes

- **FM-1 ${service}-down**: when ${title} refuses connections, a visit answers 503
  \`{"error":"unavailable"}\` within 1 s, logs one warning containing \`${service}\` and adds 1 to
  the counter \`visits_backend_errors_total\`.
  \`\`\`yaml
  steps:
    - mark: outage
    - fault: { service: ${serviceName}, toxic: down }
    - send: POST /visits
      expect: { status: 503, body: { error: unavailable }, latency: { $lte: 1000 } }
    - expect log: { level: warn, contains: ${service}, since: outage, count: 1 }
    - expect metric: { name: visits_backend_errors_total, delta: 1, since: outage }
  \`\`\`

## Out of Scope

- Authentication, and counting per visitor.

## Acceptance

- **AC-1 counts**: however many visits are made, \`GET /visits\` then answers exactly that many.
  \`\`\`yaml
  for all:
    visits: { integer: [1, 6] }
  steps:
    - send: POST /visits
      repeat: "{{ visits }}"
      expect: { status: 200 }
    - send: GET /visits
      expect: { status: 200, body: { count: "{{ visits }}" } }
  \`\`\`
- **AC-2 friendly**: the answer is friendly. (Not executable yet: add a yaml block to check it.)
`;
}

/** A server that passes the starter spec: the first run of \`specgate test\` judges it at once. */
export function starterServer(service: StarterService): string {
  const { client } = SERVICES[service];
  const store =
    service === 'redis'
      ? `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 0, commandTimeout: 500 });
redis.on('error', () => {});
const store = { add: () => redis.incr('visits'), count: async () => Number((await redis.get('visits')) ?? 0) };`
      : `import pg from 'pg';
const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 500 });
db.on('error', () => {});
const count = async () => Number((await db.query('select count(*) from visits')).rows[0].count);
const store = { add: async () => (await db.query('insert into visits default values'), count()), count };
await db.query('create table if not exists visits (id serial primary key)').catch(() => {});`;
  return `// The starter implementation of specs/visits.md (uses ${client}, which specgate installs).
import http from 'node:http';
${store}
let errors = 0;
const send = (res, status, body, type = 'application/json') =>
  res.writeHead(status, { 'content-type': type }).end(type === 'application/json' ? JSON.stringify(body) : body);
http.createServer(async (req, res) => {
  if (req.url === '/healthz') return send(res, 200, { ok: true });
  if (req.url === '/metrics') return send(res, 200, \`visits_backend_errors_total \${errors}\\n\`, 'text/plain');
  if (req.url !== '/visits') return send(res, 404, { error: 'not_found' });
  try {
    send(res, 200, { count: req.method === 'POST' ? await store.add() : await store.count() });
  } catch (error) {
    errors += 1;
    console.warn(\`WARN ${service} unreachable: \${error.message}\`);
    send(res, 503, { error: 'unavailable' });
  }
}).listen(Number(process.env.PORT), process.env.HOST);
`;
}
