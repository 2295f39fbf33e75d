/**
 * Valid and invalid Markdown per critique rule, as ESLint's RuleTester tables. An invalid
 * case lists where each finding starts, as a substring of the case (its first occurrence,
 * or the point right after it with `after`), so the line and column are read off the text.
 */
export type At = string | { after: string };

export interface RuleCases {
  valid: string[];
  invalid: Array<{ md: string; at: At[] }>;
}

const FRONT = '---\nspec: sample\ntarget:\n  command: node server.js\n';

/** A spec document: front matter (with `services` lines when given), a title, then `body`. */
export function doc(body: string, services = ''): string {
  return `${FRONT}${services ? `services:\n${services}` : ''}---\n\n# Sample\n\n${body.trim()}\n`;
}

const ACCEPT = '## Acceptance\n\n- **AC-1 works**: `GET /x` answers 200.\n';

export const CASES: Record<string, RuleCases> = {
  'missing-or-empty-section': {
    valid: [
      doc(
        `## Goal\n\nDo it.\n\n## Inputs / Outputs\n\n- In.\n\n## Constraints\n\n- C.\n\n## Failure Modes\n\n- **FM-1 a**: b.\n\n## Out of Scope\n\n- X.\n\n${ACCEPT}`,
      ),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nDo it.\n\n## Inputs / Outputs\n\n## Constraints\n\n- C.\n\n## Failure Modes\n\n- **FM-1 a**: b.\n\n${ACCEPT}`,
        ),
        at: ['## Inputs / Outputs', { after: '- **FM-1 a**: b.' }],
      },
    ],
  },
  'dependency-without-failure-mode': {
    valid: [
      doc(
        `## Goal\n\nCount.\n\n## Failure Modes\n\n- **FM-1 down**: when Redis is down, requests fail open: 200.\n\n${ACCEPT}`,
        '  redis: redis\n',
      ),
      doc(`## Goal\n\nCount.\n\n## Constraints\n\n- No in-process cache of counts.\n\n${ACCEPT}`),
      doc(
        `## Goal\n\nStore.\n\n## Constraints\n\n- Rows live in PostgreSQL.\n\n## Failure Modes\n\n- **FM-1 db**: when the database refuses connections, answers 503.\n\n${ACCEPT}`,
      ),
      doc(
        `## Goal\n\nPay.\n\n## Failure Modes\n\n- **FM-1 provider**: when the card provider times out, answers 502.\n\n${ACCEPT}`,
        '  card-provider: { http: {} }\n',
      ),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nCount.\n\n## Failure Modes\n\n- **FM-1 disk**: when the disk is full, answers 507.\n\n${ACCEPT}`,
          '  redis: redis\n',
        ),
        at: ['## Failure Modes'],
      },
      {
        md: doc(
          `## Goal\n\nReport.\n\n## Constraints\n\n- Reports are kept in S3 for a day.\n\n## Failure Modes\n\n- **FM-1 x**: when the input is empty, answers 400.\n\n${ACCEPT}`,
        ),
        at: ['S3'],
      },
      {
        md: doc(
          `## Goal\n\nPay.\n\n## Failure Modes\n\n- **FM-1 x**: when the input is empty, answers 400.\n\n${ACCEPT}`,
          '  provider: { http: {} }\n',
        ),
        at: ['## Failure Modes'],
      },
    ],
  },
  'failure-mode-without-fault': {
    valid: [
      doc(
        `## Goal\n\nG.\n\n## Failure Modes\n\n- **FM-1 x**: when PostgreSQL is unreachable, the import answers 503.\n  \`\`\`yaml\n  steps:\n    - fault: { service: db, toxic: down }\n    - send: POST /imports\n      expect: { status: 503 }\n  \`\`\`\n- **FM-2 y**: when Redis dies, requests fail open.\n  \`\`\`yaml\n  steps:\n    - sequence:\n        - kill: cache\n        - send: GET /x\n          expect: { status: 200 }\n  \`\`\`\n- **FM-3 z**: a file that is not valid YAML is rejected with exit 2.\n  \`\`\`yaml\n  steps:\n    - send: POST /imports\n      expect: { status: 422 }\n  \`\`\`\n\n${ACCEPT}`,
        '  db: postgres\n  cache: redis\n',
      ),
      // A protocol fault breaks the dependency too: the upstream itself resets the call.
      doc(
        `## Goal\n\nG.\n\n## Failure Modes\n\n- **FM-1 x**: on a provider failure the payment answers 502.\n  \`\`\`yaml\n  steps:\n    - fault: { service: provider, http: reset }\n    - send: POST /payments\n      expect: { status: 502 }\n  \`\`\`\n\n${ACCEPT}`,
        '  provider:\n    http:\n      otherwise: { status: 201 }\n',
      ),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nG.\n\n## Failure Modes\n\n- **FM-1 x**: when PostgreSQL is unreachable, the import answers 503.\n  \`\`\`yaml\n  steps:\n    - send: POST /imports\n      expect: { status: 503 }\n  \`\`\`\n\n${ACCEPT}`,
          '  db: postgres\n',
        ),
        at: ['```yaml'],
      },
      {
        md: doc(
          `## Goal\n\nG.\n\n## Failure Modes\n\n- **FM-1 x**: on a provider failure the payment answers 502.\n  \`\`\`yaml\n  steps:\n    - send: POST /payments\n      expect: { status: 502 }\n  \`\`\`\n\n${ACCEPT}`,
          '  provider:\n    http:\n      otherwise: { status: 201 }\n',
        ),
        at: ['```yaml'],
      },
    ],
  },
  'failure-mode-without-observable': {
    valid: [
      doc(
        `## Goal\n\nG.\n\n## Failure Modes\n\n- **FM-1 x**: when Redis is down the request answers 503.\n\n${ACCEPT}`,
      ),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nG.\n\n## Failure Modes\n\n- **FM-1 x**: when Redis is down we deal with it.\n- **FM-2 y**: when Redis is slow, requests fail open.\n\n${ACCEPT}`,
        ),
        at: ['- **FM-1 x**'],
      },
    ],
  },
  'vague-prose': {
    valid: [doc(`## Goal\n\nAnswers within 200 ms; a \`fast\` flag exists.\n\n${ACCEPT}`)],
    invalid: [
      {
        md: doc(
          `## Goal\n\nIt must be fast and fail gracefully, etc. Use the \`fast\` flag quickly.\n\n## Acceptance\n\n- **AC-1 a**: answers 200.\n  \`\`\`yaml\n  steps:\n    - wait: 1 # fast\n  \`\`\`\n- **AC-2 b**: returns an appropriate\n  error.\n`,
        ),
        at: ['fast', 'gracefully', 'etc.', 'quickly', 'appropriate'],
      },
    ],
  },
  'number-without-unit': {
    valid: [
      doc(
        `## Goal\n\nAnswers within 500 ms; a timeout of 1.5 s; limited to 100 requests per minute.\n\n${ACCEPT}`,
      ),
      doc(`## Goal\n\nGive up after 3 retries, at most every 2 seconds.\n\n${ACCEPT}`),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nAnswers within 500; the timeout is 30 and users are limited to 100.\n\n${ACCEPT}`,
        ),
        at: ['500', '30', '100'],
      },
    ],
  },
  'limit-without-overflow-behaviour': {
    valid: [
      doc(`## Inputs / Outputs\n\n- Uploads of at most 10 MiB; over it: 413.\n\n## Goal\n\nG.\n\n${ACCEPT}`),
      doc(
        `## Goal\n\nEach user may send at most 60 requests a minute.\n\n## Acceptance\n\n- **AC-1 over**: the 61st request answers 429.\n`,
      ),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nG.\n\n## Constraints\n\n- Bodies are at most 2048 bytes.\n- Each user may send 100 requests per minute.\n\n${ACCEPT}`,
        ),
        at: ['at most 2048', '100 requests'],
      },
    ],
  },
  'inconsistent-number': {
    valid: [
      // A number a range stands for, written in yaml, or given to a phrase that writes the range.
      doc(
        `## Goal\n\nG.\n\n## Acceptance\n\n- **AC-1 seeded**: 50 requests are recorded, then one more is 200.\n  \`\`\`yaml\n  steps:\n    - { each: "{{ [1..50] }}", as: n, steps: [{ send: "GET /api/items/{{ n }}" }] }\n    - send: GET /api/ping\n  \`\`\`\n`,
      ),
      `---\nspec: sample\ntarget:\n  command: node server.js\nphrases:\n  '{int} requests fetch the items one by one':\n    steps: [{ each: '{{ [1..<1>] }}', as: n, steps: [{ send: 'GET /api/items/{{ n }}' }] }]\n---\n\n# Sample\n\n## Goal\n\nG.\n\n## Acceptance\n\n- **AC-1 seeded**: 50 requests fetch the items one by one.\n`,
      doc(
        `## Goal\n\nG.\n\n## Acceptance\n\n- **AC-1 limit**: the first 60 requests are 200 and the 61st is 429.\n  \`\`\`yaml\n  steps:\n    - send: GET /api/ping\n      repeat: 60\n      expect: { status: 200 }\n    - send: GET /api/ping\n      expect: { status: 429 }\n  \`\`\`\n`,
      ),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nG.\n\n## Acceptance\n\n- **AC-1 limit**: the first 60 requests are 200 and the 61st is 429.\n  \`\`\`yaml\n  steps:\n    - send: GET /api/ping\n      repeat: 50\n      expect: { status: 200 }\n    - send: GET /api/ping\n      expect: { status: 429 }\n  \`\`\`\n`,
        ),
        at: ['60 requests', '61st'],
      },
    ],
  },
  'unchecked-constraint': {
    valid: [
      doc(
        `## Goal\n\nG.\n\n## Constraints\n\n- **C-1 ok**: answers 200.\n  \`\`\`yaml\n  steps:\n    - send: GET /x\n  \`\`\`\n\n${ACCEPT}`,
      ),
    ],
    invalid: [
      {
        md: doc(`## Goal\n\nG.\n\n## Constraints\n\n- Counts live in Redis.\n\n${ACCEPT}`),
        at: ['- Counts'],
      },
    ],
  },
  'out-of-scope-tested': {
    valid: [
      doc(
        `## Goal\n\nG.\n\n## Out of Scope\n\n- Compression, multipart uploads.\n\n## Acceptance\n\n- **AC-1 csv**: a CSV upload answers 201.\n`,
      ),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nG.\n\n## Out of Scope\n\n- Compression, multipart uploads.\n\n## Acceptance\n\n- **AC-1 csv**: a CSV upload answers 201.\n- **AC-2 multi**: multipart uploads answer 415.\n`,
        ),
        at: ['- **AC-2'],
      },
    ],
  },
  'input-without-type': {
    valid: [
      doc(`## Goal\n\nG.\n\n## Inputs / Outputs\n\n- Request body: a JSON object with a name.\n\n${ACCEPT}`),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nG.\n\n## Inputs / Outputs\n\n- Request: a user id in the query.\n- Answers 200 {"ok":true}.\n\n${ACCEPT}`,
        ),
        at: ['- Request: a user'],
      },
    ],
  },
  'output-without-error-shape': {
    valid: [
      doc(
        `## Goal\n\nG.\n\n## Inputs / Outputs\n\n- Invalid input: \`422 {"error":"invalid"}\`.\n\n${ACCEPT}`,
      ),
    ],
    invalid: [
      {
        md: doc(
          `## Goal\n\nG.\n\n## Inputs / Outputs\n\n- Invalid input: \`422 {"error":"invalid"}\`.\n- Unknown path: 404.\n\n${ACCEPT}`,
        ),
        at: ['404'],
      },
      {
        md: doc(
          `## Goal\n\nG.\n\n## Inputs / Outputs\n\n- \`GET /x\` answers 200 with the item.\n\n${ACCEPT}`,
        ),
        at: ['## Inputs / Outputs'],
      },
    ],
  },
  'write-without-concurrency-statement': {
    valid: [
      doc(
        `## Goal\n\nThe service stores each upload; two uploads at once never store a key twice.\n\n${ACCEPT}`,
      ),
    ],
    invalid: [
      { md: doc(`## Goal\n\nThe service\nstores each upload in PostgreSQL.\n\n${ACCEPT}`), at: ['stores'] },
    ],
  },
  'retry-without-idempotency': {
    valid: [
      doc(`## Goal\n\nClients retry on 503; a retried request with the same key is idempotent.\n\n${ACCEPT}`),
      doc(`## Goal\n\nOver the limit: 429 with Retry-After.\n\n${ACCEPT}`),
    ],
    invalid: [
      {
        md: doc(`## Goal\n\nOver the limit: 429 with Retry-After. Clients retry on 503.\n\n${ACCEPT}`),
        at: ['retry on'],
      },
    ],
  },
  'rate-limit-questions': {
    valid: [
      doc(
        `## Goal\n\nRate limiting per user: 60 requests per rolling window for the free plan, 600 for paid; over it 429 with Retry-After. Counts survive a restart and all instances share one limit.\n\n${ACCEPT}`,
      ),
      doc(`## Goal\n\nImport CSV files.\n\n${ACCEPT}`),
    ],
    invalid: [
      {
        md: doc('## Goal\n\nAdd rate limiting to the API.\n'),
        at: [
          'rate limiting',
          'rate limiting',
          'rate limiting',
          'rate limiting',
          'rate limiting',
          'rate limiting',
          'rate limiting',
        ],
      },
    ],
  },
};
