import type { DiagnosticCode } from './catalogue.js';

/**
 * The long form of each catalogue code, as `rustc --explain` prints it: what it means, a spec excerpt
 * that gets it and how to fix it. Typed by the catalogue, so a code without its page does not compile.
 * Lint rules (SG6xxx) keep theirs in docs/lint/<rule>.md beside the rule.
 */
export interface Explanation {
  /** What the diagnostic means and why specgate reports it. */
  meaning: string;
  /** A spec excerpt (Markdown, front matter or a criterion's yaml block) that gets this diagnostic. */
  example: string;
  /** What to change so the diagnostic goes away. */
  fix: string;
}

const ACCEPTANCE_ITEM = (yaml: string): string =>
  `## Acceptance\n\n- **AC-1 ping**: ping answers.\n\n  \`\`\`yaml\n${yaml
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}\n  \`\`\``;

const POSTGRES_FRONT_MATTER =
  '---\nspec: ping\ntarget: { command: node server.mjs }\nservices:\n  db: postgres\n---';
const REDIS_FRONT_MATTER =
  '---\nspec: ping\ntarget: { command: node server.mjs }\nservices:\n  cache: redis\n---';

export const EXPLANATIONS: { readonly [code in DiagnosticCode]: Explanation } = {
  SG0001: {
    meaning:
      'specgate reads a spec only when it is a regular file. A named pipe would block the read forever and a device such as /dev/urandom or /dev/zero never ends, so they are refused without being read.',
    example: '$ mkfifo specs/x.md\n$ ln -s /dev/zero specs/y.md',
    fix: 'Replace the file with an ordinary Markdown file (remove the pipe or link: `rm specs/x.md`).',
  },
  SG0002: {
    meaning:
      'A path ending in .md under specs/ is a directory (or a link to one), so there is no spec text to read.',
    example: '$ mkdir specs/x.md',
    fix: 'Rename the directory so it does not end in .md, or put the spec file in its place.',
  },
  SG0003: {
    meaning:
      'The spec is a symbolic link whose target does not exist, so there is nothing to read; a link left behind after its target moved.',
    example: '$ ln -s ../elsewhere/x.md specs/x.md   # elsewhere/x.md does not exist',
    fix: 'Point the link at the existing spec (`ln -sf <path> specs/x.md`), or remove it.',
  },
  SG0004: {
    meaning: "Following the spec's symbolic links never reaches a file: the links point at each other.",
    example: '$ ln -s b.md specs/a.md\n$ ln -s a.md specs/b.md',
    fix: 'Remove one of the links, or point it at a real file.',
  },
  SG0005: {
    meaning: 'The user running specgate may not read the spec file, so it cannot be compiled or checked.',
    example: '$ chmod 000 specs/x.md',
    fix: "Give that user read permission (`chmod u+r specs/x.md`), or run specgate as the file's owner.",
  },
  SG0006: {
    meaning:
      'Reading the spec failed with an error of the file system or the device (its code is named, e.g. EIO), not because of its content.',
    example: 'specs/x.md on a failing disk or an unreachable network mount',
    fix: 'Check the disk or the mount named by the error code, then run specgate again.',
  },
  SG0007: {
    meaning:
      'A spec is read whole and parsed at once; beyond 5 MB it is refused before it is read, so a huge or endless file cannot exhaust memory.',
    example: "$ head -c 6000000 /dev/zero | tr '\\\\0' a > specs/x.md",
    fix: 'Split the spec into several specs, one feature each.',
  },
  SG0008: {
    meaning:
      'The spec was listed in specs/ but was gone when specgate opened it: something removed or renamed it during the run.',
    example: '$ specgate compile & rm specs/x.md',
    fix: 'Run specgate again once nothing else is changing specs/.',
  },
  SG1001: {
    meaning:
      'A spec needs a title: reports, generated test names and the spec list show it. The title is the first "# " heading, or the front matter\'s `title`.',
    example: '---\nspec: ping\ntarget: { command: node server.mjs }\n---\n\n## Goal\n\nAnswer pings.',
    fix: 'Add a "# Title" heading above the first section (`# Ping health check`), or `title:` in the front matter.',
  },
  SG1002: {
    meaning:
      'Only the first "# " heading is the title; a later one is probably a section written with one "#" too few, and its content is read as part of the section before it.',
    example: '# Ping\n\n## Goal\n\nAnswer pings.\n\n# Acceptance',
    fix: 'Make the later heading a section ("## Acceptance"), or a deeper heading ("### Details") inside the section above it.',
  },
  SG1003: {
    meaning:
      'Goal and Acceptance are required: without a goal there is nothing to judge against, and without acceptance criteria nothing to run.',
    example: '# Ping\n\n## Goal\n\nAnswer pings.\n\n## Constraints\n\n- Fast.',
    fix: 'Add the missing section, e.g. "## Acceptance" with at least one criterion item (`- **AC-1**: …`).',
  },
  SG1004: {
    meaning:
      'Inputs / Outputs, Constraints, Failure Modes and Out of Scope are expected in a complete spec. A missing one is a warning: the spec still compiles, but a reviewer will ask for it.',
    example: '# Ping\n\n## Goal\n\nAnswer pings.\n\n## Acceptance\n\n- **AC-1**: `GET /ping` answers 200.',
    fix: 'Add the section, even if it says "None": `## Out of Scope` followed by `- Nothing.` says the question was asked.',
  },
  SG1005: {
    meaning:
      'A "## " heading close to a known section name but not one of its accepted spellings: probably a typo, so its criteria would be read as context, never run.',
    example: '## Failure Mdoes\n\n- **FM-1**: when Redis is down, requests are allowed.',
    fix: 'Spell the heading as one of the accepted forms (docs/spec-format.md, "Document structure"), e.g. "## Failure Modes".',
  },
  SG1006: {
    meaning:
      'A section appears twice. specgate cannot tell which one holds the contract, and criteria split across two headings are easy to miss in review.',
    example: '## Acceptance\n\n- **AC-1**: ping answers.\n\n## Acceptance\n\n- **AC-2**: pong answers.',
    fix: 'Merge the two sections into one.',
  },
  SG1007: {
    meaning:
      'In Acceptance and Failure Modes, either every item has a written id (`**AC-1**:`) or none has (then ids are given by position). A section that mixes both could give a positional id that clashes with a written one.',
    example:
      '## Acceptance\n\n- **AC-1**: health answers.\n- ping answers.\n\n  ```yaml\n  steps:\n    - send: GET /ping\n  ```',
    fix: 'Give the item its own id in bold, followed by a colon: `- **AC-2 ping**: ping answers.`',
  },
  SG1008: {
    meaning:
      'A yaml block runs only as the check of the criterion item it sits in. A block outside any criterion (between items, or under a context heading) would never run.',
    example: '## Failure Modes\n\n- **FM-1**: survives Redis loss.\n\n```yaml\nsteps:\n  - wait: 1s\n```',
    fix: 'Indent the block under the criterion it belongs to (two spaces, inside the list item), or delete it.',
  },
  SG1009: {
    meaning:
      'A criterion has exactly one check. Two yaml blocks in one item leave it unclear which one is the check.',
    example:
      '- **AC-1**: ping answers.\n\n  ```yaml\n  steps: [{ send: GET /ping }]\n  ```\n\n  ```yaml\n  steps: [{ send: GET /pong }]\n  ```',
    fix: 'Merge the steps into one block, or split the item into two criteria with their own ids.',
  },
  SG1010: {
    meaning:
      'A spec holds at most 2,000 criteria (docs/spec-format.md, "Size limits"). Real specs hold tens: one feature, each criterion a decision. Past the limit the parse stops at the first criterion too many, so a generated spec gets this error at once instead of minutes of parsing.',
    example:
      "$ node -e \"console.log('## Acceptance\\n\\n' + Array.from({ length: 2001 }, (_, i) => '- **AC-' + (i + 1) + '**: ping answers.').join('\\n'))\" >> specs/ping.md",
    fix: 'Split the spec into several specs, one feature each; criteria that differ only by a value become one criterion with `for all` or a table.',
  },
  SG1011: {
    meaning:
      'A section holds at most 5,000 list items, nested ones included (docs/spec-format.md, "Size limits"). Past the limit the parse stops at the first item too many.',
    example:
      "$ node -e \"console.log('## Out of Scope\\n\\n' + Array.from({ length: 5001 }, (_, i) => '- item ' + i).join('\\n'))\" >> specs/ping.md",
    fix: 'Split the section or the spec; a long list of data belongs in a fixture file the target reads.',
  },
  SG1012: {
    meaning:
      'One yaml text (the front matter, a criterion block, phrases.yaml) holds at most 10,000 nodes: scalars, mappings, sequences and aliases (docs/spec-format.md, "Size limits"). It is refused before its value is built or checked.',
    example:
      "$ node -e \"console.log('- **AC-1**: ping answers.\\n\\n  ~~~yaml\\n  let: { ids: [' + Array(10001).fill(1).join(', ') + '] }\\n  ~~~')\" >> specs/ping.md",
    fix: 'Move large data out of the spec: a fixture file the target reads, or a generator (`for all`) that makes it.',
  },

  SG2001: {
    meaning:
      "Without front matter the spec has no target to judge, so it is parsed and linted in full but each criterion compiles to a `test.todo` (not executable). This is information, not an error: the essay's prose spec starts this way.",
    example: '# Ping\n\n## Goal\n\nAnswer pings.',
    fix: 'Add front matter naming the spec and its target (`specgate init --from specs/ping.md` drafts one):\n\n---\nspec: ping\ntarget:\n  command: node server.mjs\n---',
  },
  SG2002: {
    meaning:
      'The front matter starts with a "---" line at the very top and ends at the next "---" (or "...") line. Without the closing line the whole document would be read as YAML.',
    example: '---\nspec: ping\ntarget: { command: node server.mjs }\n\n# Ping',
    fix: 'Add a "---" line after the last front matter key.',
  },
  SG2003: {
    meaning: "The front matter is not valid YAML; the detail and the place are the YAML parser's.",
    example: '---\nspec: ping\ntarget: { command: node server.mjs\n---',
    fix: 'Correct the YAML at the place shown: an unclosed bracket or quote, a tab, or a wrong indentation.',
  },
  SG2004: {
    meaning:
      'The front matter must be a mapping of keys (`spec`, `target`, `services`…), not a list or a scalar.',
    example: '---\n- spec: ping\n---',
    fix: 'Write keys at the top level: `spec: ping` on its own line, then `target:`.',
  },
  SG2005: {
    meaning:
      'A required key is missing in the front matter (or in a mapping inside it, such as a service or an upstream rule).',
    example: '---\nspec: ping\n---',
    fix: 'Add the key the message names, e.g. `target: { command: node server.mjs }`. docs/spec-format.md lists the keys.',
  },
  SG2006: {
    meaning:
      'A front matter key specgate does not know. Unknown keys are errors rather than ignored, so a typo never silently drops a setting.',
    example: '---\nspec: ping\ntarget: { command: node server.mjs }\ntimout: 10s\n---',
    fix: 'Correct the spelling (the hint suggests the closest key), or remove the key.',
  },
  SG2007: {
    meaning:
      'A front matter value has the wrong type: a list where a mapping is expected, a string where a number is.',
    example: '---\nspec: ping\ntarget: { command: node server.mjs }\nruns: many\n---',
    fix: 'Give the value the type the message expects, e.g. `runs: 25`.',
  },
  SG2008: {
    meaning:
      'A front matter value has the right type but a value outside what is allowed (an unknown service kind, a number below its minimum).',
    example: '---\nspec: ping\ntarget: { command: node server.mjs }\nruns: 0\n---',
    fix: 'Use one of the values the message lists, e.g. `runs: 1` or more.',
  },
  SG2009: {
    meaning:
      'The spec name becomes the generated file `generated/<name>.test.ts` and is used in reports, so it must be `[a-z0-9][a-z0-9-]*`.',
    example: '---\nspec: Rate Limit\ntarget: { command: node server.mjs }\n---',
    fix: 'Use lowercase letters, digits and dashes: `spec: rate-limit`.',
  },
  SG2010: {
    meaning:
      'The target says how the implementation is run, in exactly one way: a server `command`, a running `url`, an in-process `module`, or a `cli`.',
    example: '---\nspec: ping\ntarget:\n  command: node server.mjs\n  url: http://127.0.0.1:3000\n---',
    fix: 'Keep one of `command`, `url`, `module`, `cli`; use `--target` to judge another implementation for one run.',
  },
  SG2011: {
    meaning:
      'A target key that only some target kinds use: `ready`, `ready timeout` and `stop grace` apply to a `command` target, `env` not to a `url` (a server already running cannot be given env).',
    example: '---\nspec: ping\ntarget:\n  url: http://127.0.0.1:3000\n  env: { PORT: "3000" }\n---',
    fix: 'Remove the key, or use the target kind it applies to.',
  },
  SG2012: {
    meaning:
      'A front matter duration is not a number with a unit. Durations are written like `500ms`, `10s`, `2m`.',
    example: '---\nspec: ping\ntarget: { command: node server.mjs }\ntimeout: ten seconds\n---',
    fix: 'Write the duration as a number and a unit: `timeout: 10s`.',
  },
  SG2013: {
    meaning:
      'A service is either an HTTP upstream that specgate fakes (`http: { rules }`) or a server specgate starts (`command`), not both.',
    example:
      '---\nspec: ping\ntarget: { command: node server.mjs }\nservices:\n  cache:\n    command: memcached -p {{ port }}\n    http: { rules: [] }\n---',
    fix: 'Keep `http` for a faked upstream, or `command` for a real server.',
  },

  SG3001: {
    meaning: "A criterion's yaml block is not valid YAML; the detail and the place are the YAML parser's.",
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /ping\n    expect: { status: 200'),
    fix: 'Correct the YAML at the place shown: an unclosed bracket or quote, a tab, or a wrong indentation.',
  },
  SG3002: {
    meaning: "A criterion's yaml block must be a mapping with at least `steps:`, not a list or a scalar.",
    example: ACCEPTANCE_ITEM('- send: GET /ping'),
    fix: 'Put the steps under a `steps:` key.',
  },
  SG3003: {
    meaning: 'Each step is a mapping with one step key (`send`, `fault`, `expect log`…) and its options.',
    example: ACCEPTANCE_ITEM('steps:\n  - GET /ping'),
    fix: 'Write the step as a mapping: `- send: GET /ping`.',
  },
  SG3004: {
    meaning:
      'A key that this part of a block (the block itself, a step, an expectation) does not take. Unknown keys are errors so a typo never drops a check.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /ping\n    expct: { status: 200 }'),
    fix: 'Correct the spelling (the hint suggests the closest key) or move the key where it belongs.',
  },
  SG3005: {
    meaning:
      'A value in a criterion block has the wrong type, e.g. a string where a number or a template is expected.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /ping\n    repeat: [3]'),
    fix: 'Give the value the type the message expects, e.g. `repeat: 3` or `repeat: "{{ n }}"`.',
  },
  SG3006: {
    meaning:
      'A required key is missing in a criterion block: `steps` in the block, `as` and `steps` in an `each`, `within` in an `eventually`, `name` in an `expect metric`…',
    example: ACCEPTANCE_ITEM('steps:\n  - eventually:\n      - send: GET /ping'),
    fix: 'Add the key the message names, e.g. `within: 2s` beside `eventually:`.',
  },
  SG3007: {
    meaning: 'A duration in a criterion block is not a number with a unit (`500ms`, `3s`, `1m`).',
    example: ACCEPTANCE_ITEM('steps:\n  - wait: a while'),
    fix: 'Write the duration as a number and a unit: `wait: 1s`.',
  },
  SG3008: {
    meaning: 'A step whose keys name no step kind specgate knows. docs/spec-format.md ("Steps") lists them.',
    example: ACCEPTANCE_ITEM('steps:\n  - request: GET /ping'),
    fix: 'Use a known step key (the hint suggests the closest one): `send: GET /ping`.',
  },
  SG3009: {
    meaning:
      'A step has exactly one kind. Two step keys in one mapping (`send` and `wait`) would leave the order unclear.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /ping\n    wait: 1s'),
    fix: 'Split them into two steps, each in its own list item.',
  },
  SG3010: {
    meaning:
      'A `for all` generator name specgate does not know. docs/spec-format.md ("Generators") lists them.',
    example: ACCEPTANCE_ITEM('for all:\n  user: { word: {} }\nsteps:\n  - send: "GET /users/{{ user }}"'),
    fix: 'Use a known generator (the hint suggests the closest one), e.g. `user: slug`.',
  },
  SG3011: {
    meaning: 'A range whose minimum is greater than its maximum cannot generate any value.',
    example: ACCEPTANCE_ITEM(
      'for all:\n  n: { integer: { min: 10, max: 1 } }\nsteps:\n  - send: "GET /items/{{ n }}"',
    ),
    fix: 'Swap the bounds or correct the one that is wrong: `{ min: 1, max: 10 }`.',
  },
  SG3012: {
    meaning:
      'Each toxic takes its own attributes: `latency` takes `latency` and `jitter`, `bandwidth` takes `rate`, `down` takes none. An attribute of another toxic would be silently ignored by the proxy.',
    example: ACCEPTANCE_ITEM(
      'steps:\n  - fault: { service: redis, toxic: latency, latency: 100ms, rate: 5 }',
    ),
    fix: "Remove the attribute, or use the toxic it belongs to (docs/faults.md lists each toxic's attributes).",
  },
  SG3013: {
    meaning:
      'A value in a criterion block has the right type but is not allowed: an unknown log level, a toxicity outside 0..1, a date that does not exist, a CSV column the header lacks.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /ping\n  - expect log: { level: warning }'),
    fix: 'Use one of the values the message lists, e.g. `level: warn`.',
  },
  SG3014: {
    meaning:
      'A mapping in an expectation is either a matcher (`$gte`, `$lt`, `$present`… keys) or a literal object to match (plain keys), not both: `{ $gte: 200, lt: 300 }` would compare against an object with a key `lt`.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /ping\n    expect: { status: { $gte: 200, lt: 300 } }'),
    fix: 'Prefix every matcher key with `$` (`{ $gte: 200, $lt: 300 }`), or write a plain object without `$` keys.',
  },
  SG3015: {
    meaning:
      'Two keys that exclude each other in one step: a fault is a `toxic` (TCP) or an `http` fault, an `expect redis` names one `key` or a pattern of `keys`, key checks go beside `key` or under `expect`.',
    example: ACCEPTANCE_ITEM('steps:\n  - fault: { service: cache, toxic: down, http: reset }'),
    fix: 'Keep one of the two keys the message names.',
  },
  SG3016: {
    meaning:
      'A generator written as a mapping has exactly one generator key (`integer`, `text`, `list`…) with its options under it.',
    example: ACCEPTANCE_ITEM(
      'for all:\n  n: { integer: [1, 5], text: {} }\nsteps:\n  - send: "GET /items/{{ n }}"',
    ),
    fix: 'Keep one generator key; use `one of: [...]` for a choice between generators.',
  },
  SG3017: {
    meaning:
      'An invariant is a mapping with one kind as its only key: `rolling window` (`key`, `limit`, `window`: at most so many allowed per key and window) or `each` (`holds`: a condition on every recorded request).',
    example: ACCEPTANCE_ITEM(
      'steps:\n  - send: GET /ping\ninvariants:\n  - each: { holds: "{{ response.status != 500 }}" }\n    rolling window: { key: "{{ actor.name }}", limit: 5, window: 1m }',
    ),
    fix: 'Give each invariant its own list item: `- each: { holds: … }` and `- rolling window: { … }`.',
  },
  SG3018: {
    meaning:
      "A CLI run gets a scratch directory of its own; the files it is given (`files`) and the files it is expected to write (`expect.files`) are named inside it. An absolute name or one that climbs out with `..` would read or write the machine's files.",
    example: `---\nspec: convert\ntarget: { cli: node tool.js }\n---\n\n${ACCEPTANCE_ITEM(
      'steps:\n  - run: [convert]\n    files:\n      /tmp/in.txt: hello\n    expect: { exit: 0 }',
    )}`,
    fix: 'Name the file relative to the scratch directory: `in.txt: hello`.',
  },
  SG3019: {
    meaning:
      'A `use` step names a block that is not defined: blocks come from `blocks:` in the front matter and in the phrases.yaml beside the spec.',
    example: `---\nspec: ping\ntarget: { url: http://127.0.0.1:8080 }\nblocks:\n  pings:\n    with: { n: 3 }\n    steps:\n      - { send: GET /ping, repeat: <n>, expect: { status: 200 } }\n---\n\n${ACCEPTANCE_ITEM(
      'steps:\n  - use: pigns',
    )}`,
    fix: 'Name a defined block (the message lists them), or define it under `blocks:`.',
  },
  SG3020: {
    meaning:
      "A `use` step's `with` must fit the block: only the parameters the block declares under its own `with`, and a value for each one that has no default (`null`). A placeholder in the block's steps that it does not declare is reported here too.",
    example: `---\nspec: ping\ntarget: { url: http://127.0.0.1:8080 }\nblocks:\n  pings:\n    with: { n: 3 }\n    steps:\n      - { send: GET /ping, repeat: <n>, expect: { status: 200 } }\n---\n\n${ACCEPTANCE_ITEM(
      'steps:\n  - { use: pings, with: { count: 5 } }',
    )}`,
    fix: 'Use the parameter names the block declares (`with: { n: 5 }`), or declare the parameter in the block.',
  },
  SG3021: {
    meaning:
      'A block that uses itself, directly or through other blocks, would expand without end; uses nest at most 8 deep.',
    example: `---\nspec: ping\ntarget: { url: http://127.0.0.1:8080 }\nblocks:\n  again:\n    steps:\n      - use: again\n---\n\n${ACCEPTANCE_ITEM('steps:\n  - use: again')}`,
    fix: 'Write the repeated steps once in the block (`repeat:`, `each:`) instead of a use of itself.',
  },
  SG3022: {
    meaning:
      'A block under `blocks:` is a list of steps, or a mapping with `steps` and optionally `with` (parameters and their defaults, `null` for required ones) and `means` (one line saying what it does).',
    example: `---\nspec: ping\ntarget: { url: http://127.0.0.1:8080 }\nblocks:\n  pings:\n    repeat: 3\n---\n\n${ACCEPTANCE_ITEM('steps:\n  - send: GET /ping')}`,
    fix: 'Give the block its steps: `pings: { with: { n: 3 }, steps: [{ send: GET /ping, repeat: <n> }] }`.',
  },

  SG3030: {
    meaning:
      'Criteria run only from Acceptance, Failure Modes and Constraints. Any other `## ` heading (`Tiers`, `Notes`, a misspelt section) is context for phrases and lint, so a criterion written under it would silently never run.',
    example:
      '## Acceptance criterions and more\n\n- **AC-1 ping**: `GET /ping` answers 200.\n\n## Acceptance\n\n- **AC-2**: pong answers.',
    fix: 'Move the criterion under `## Acceptance`, `## Failure Modes` or `## Constraints`, or correct the heading (e.g. `## Acceptance Criteria`).',
  },
  SG3050: {
    meaning:
      'A Redis fault (`fault: { redis: … }`) answers the commands it selects with an error reply, and an error reply starts with an error code in capitals that clients match on (`OOM`, `READONLY`, `ERR`). A known code alone (`OOM`, `LOADING`, `READONLY`, `BUSY`, `NOSCRIPT`, `MASTERDOWN`, `MISCONF`, `NOREPLICAS`, `TRYAGAIN`, `CLUSTERDOWN`) gets the text Redis itself sends; any other error is written out whole, on one line.',
    example: `${REDIS_FRONT_MATTER}\n${ACCEPTANCE_ITEM('steps:\n  - fault: { service: cache, redis: oom }\n  - send: GET /ping')}`,
    fix: 'Write the code in capitals (`redis: OOM`), or a whole error line: `redis: "ERR quota exceeded"`.',
  },
  SG3051: {
    meaning:
      'Some commands are never answered by a Redis fault: MULTI, because the server must see the transaction open (fault its EXEC instead, and the whole transaction fails), and SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE, MONITOR, SYNC and PSYNC, after which a connection no longer pairs one reply with each request, so the proxy passes it through untouched. Listing one in `commands` would look like a fault that never fires.',
    example: `${REDIS_FRONT_MATTER}\n${ACCEPTANCE_ITEM('steps:\n  - fault: { service: cache, redis: OOM, commands: [MULTI] }\n  - send: GET /ping')}`,
    fix: 'Remove the command from `commands`; for a transaction list EXEC.',
  },
  SG3052: {
    meaning:
      'A postgres `lock` or `serialization_failure` fault acts on one table, named as in SQL without quotes: `payments` or `billing.payments` (letters, digits, `_` and `$`, not starting with a digit). The name is quoted by specgate when it builds the statement, so it can never be SQL of its own.',
    example: `${POSTGRES_FRONT_MATTER}\n${ACCEPTANCE_ITEM('steps:\n  - fault: { service: db, postgres: lock, table: "payments; DROP TABLE users" }\n  - send: GET /ping')}`,
    fix: 'Name one table: `table: payments`, or `table: billing.payments` for a table outside `public`.',
  },
  SG3053: {
    meaning:
      "A postgres `lock` fault holds LOCK TABLE in one of PostgreSQL's table lock modes: access share, row share, row exclusive, share update exclusive, share, share row exclusive, exclusive, access exclusive (the default, which makes even a SELECT on the table wait).",
    example: `${POSTGRES_FRONT_MATTER}\n${ACCEPTANCE_ITEM('steps:\n  - fault: { service: db, postgres: lock, table: payments, mode: write }\n  - send: GET /ping')}`,
    fix: 'Use one of the modes listed, e.g. `mode: share` so that writes wait while reads go on, or leave `mode` out (access exclusive).',
  },
  SG3060: {
    meaning:
      'Values listed in `always` beside a generator are tried in every run set of the property, before the edges and the random values. A value the generator could never yield (out of range, too long, a character outside its class) would test an input the spec does not describe.',
    example: ACCEPTANCE_ITEM(
      'for all:\n  id: { slug: { min length: 1, max length: 64 }, always: ["a", 65] }\nsteps:\n  - send: "GET /items/{{ id }}"',
    ),
    fix: 'Use a value the generator yields (the message says which), or widen the generator if the value belongs to the input.',
  },

  SG4001: {
    meaning:
      'A `{{ … }}` template holds a JSONata expression that does not parse. Templates are parsed at compile time, so a broken one is caught before anything runs.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: "GET /items/{{ n + }}"'),
    fix: 'Correct the expression at the place shown (JSONata syntax: docs/decisions/0002-jsonata-expressions.md).',
  },
  SG4002: {
    meaning: 'A template opens `{{` without a closing `}}`, so where the expression ends is unknown.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: "GET /items/{{ n"'),
    fix: 'Close the expression with `}}`. A literal `{{` is written `{{ "{{" }}`.',
  },
  SG4003: {
    meaning: 'A regular expression (`matches:`, `$matches`) that JavaScript cannot compile.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /ping\n  - expect log: { matches: "cache (down" }'),
    fix: 'Correct the pattern at the place shown; escape literal brackets (`cache \\\\(down`).',
  },
  SG4004: {
    meaning: 'An `$expr` matcher holds a JSONata expression over the value (`$`) that does not parse.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /ping\n    expect: { text: { $expr: "$ >" } }'),
    fix: 'Correct the expression, e.g. `$expr: "$length($) > 0"`.',
  },

  SG5001: {
    meaning:
      'Criterion ids name tests, reports and `--criterion` filters, so each id is unique within the spec.',
    example: '## Acceptance\n\n- **AC-1**: ping answers.\n- **AC-1**: pong answers.',
    fix: 'Renumber one of the criteria: `**AC-2**`.',
  },
  SG5002: {
    meaning:
      '`as:` on a send step names who sends it: an actor of the criterion or an identity of the front matter. This name is neither.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /me\n    as: admin'),
    fix: 'Declare the identity in the front matter (`identities: { admin: { headers: … } }`) or an actor in the block (`actors:`), or correct the name.',
  },
  SG5003: {
    meaning: 'A step names a service that the front matter does not declare.',
    example: ACCEPTANCE_ITEM('steps:\n  - kill: redis'),
    fix: 'Declare it under `services:` (e.g. `services: { redis: redis }`), or use the declared name.',
  },
  SG5004: {
    meaning:
      'A step that needs a service of one kind names a service of another: `expect redis` on a postgres service, `expect calls` on a non-http one.',
    example: `---\nspec: ping\ntarget: { command: node server.mjs }\nservices: { db: postgres }\n---\n\n${ACCEPTANCE_ITEM(
      'steps:\n  - expect redis: { service: db, key: "views:home", exists: true }',
    )}`,
    fix: 'Name a service of the kind the step needs, or use the step that fits the service (`expect sql` for postgres).',
  },
  SG5005: {
    meaning:
      '`service:` may be left out only when the front matter has exactly one service of the kind the step needs. With several, specgate will not guess which one.',
    example: ACCEPTANCE_ITEM('steps:\n  - fault: { toxic: down }'),
    fix: 'Name the service: `fault: { service: redis, toxic: down }`.',
  },
  SG5006: {
    meaning:
      '`since:` counts logs, metrics or calls from a `mark` step of the same criterion; this name is not one of its marks.',
    example: ACCEPTANCE_ITEM('steps:\n  - send: GET /ping\n  - expect log: { level: warn, since: before }'),
    fix: 'Add `- mark: before` where counting should start, or correct the name.',
  },
  SG5007: {
    meaning:
      'An actor is an instance of an identity of the front matter (its headers and defaults); this identity is not declared.',
    example: ACCEPTANCE_ITEM(
      'actors:\n  alice: { identity: user }\nsteps:\n  - send: GET /me\n    as: alice',
    ),
    fix: 'Declare the identity under `identities:` in the front matter, or correct the name.',
  },
  SG5008: {
    meaning:
      'A service given by `url` is external: specgate did not start it, so it cannot kill, start, pause, restart or fault it.',
    example: `---\nspec: ping\ntarget: { command: node server.mjs }\nservices:\n  redis: { kind: redis, url: "redis://127.0.0.1:6379" }\n---\n\n${ACCEPTANCE_ITEM(
      'steps:\n  - kill: redis',
    )}`,
    fix: 'Let specgate start the service (remove its `url`), or judge this failure mode against a service specgate runs.',
  },
  SG5009: {
    meaning:
      'A step that needs a kind of target the spec does not have: `run` needs a `cli` target; `send`, `restart` and metrics need an HTTP server.',
    example: ACCEPTANCE_ITEM('steps:\n  - run: [--help]'),
    fix: "Use the steps of the spec's target kind (`send` for a server), or change the target.",
  },
  SG5010: {
    meaning:
      'Instances are numbered from 0; `instances: 2` runs instances 0 and 1, so a step naming instance 2 has no process to reach.',
    example: ACCEPTANCE_ITEM('instances: 2\nsteps:\n  - restart: 2'),
    fix: 'Use an instance below `instances`, or raise `instances`.',
  },

  SG7001: {
    meaning:
      "A spec's own phrase (front matter `phrases`, or phrases.yaml beside the spec) is a Cucumber Expression and what it means: steps and check keys. This one does not parse as a Cucumber Expression, uses a parameter type specgate does not define, or is not a mapping with `steps`.",
    example:
      '---\nspec: ping\ntarget: { command: node server.mjs }\nphrases:\n  "the {colour} light is on":\n    steps: [{ send: GET /light }]\n---\n\n# Ping\n\n## Goal\n\nPing.\n\n## Acceptance\n\n- **AC-1 on**: the red light is on.',
    fix: 'Use the parameter types of docs/phrases.md ({int}, {string}, {duration}, {identity}, {service}, {code}, {route}…) and give the phrase `steps`.',
  },
  SG7002: {
    meaning:
      "Each clause of a prose criterion must mean one thing. This clause matches two phrases (built-in or the spec's own), so which steps it stands for is not decided.",
    example:
      '---\nspec: ping\ntarget: { command: node server.mjs }\nroute: GET /ping\nphrases:\n  "returns {int}": { steps: [{ send: GET /ping, expect: { status: 200 } }] }\n---\n\n# Ping\n\n## Goal\n\nPing.\n\n## Acceptance\n\n- **AC-1 ok**: returns 200.',
    fix: "Reword the spec's phrase so it no longer matches what the other matches, or remove one of the two.",
  },
  SG7003: {
    meaning:
      "Front matter `time` runs a duration of the prose shorter (`60s: 3s`): both sides are durations, and the one it runs is positive. The implementation must be told the same (for example through the target's env).",
    example:
      '---\nspec: ping\ntarget: { command: node server.mjs }\ntime: { 60s: soon }\n---\n\n# Ping\n\n## Goal\n\nPing.\n\n## Acceptance\n\n- **AC-1 ok**: ping answers.\n\n  ```yaml\n  steps: [{ send: GET /ping }]\n  ```',
    fix: 'Write both sides as durations: `time: { 60s: 3s }`.',
  },

  SG9001: {
    meaning:
      'specgate itself failed while parsing the spec. The spec may be fine: this is a bug in specgate, reported as a diagnostic rather than a crash.',
    example: '(any spec that triggers the crash)',
    fix: 'Run with --verbose and report the message and the spec at https://github.com/specgate/specgate/issues; meanwhile, rewriting the construct at the place shown usually avoids it.',
  },
};
