/** A spec about test/fixtures/ci/greeter's server with one weak criterion beside strong ones. */

/** C-1 accepts any status at all: a server answering 200 `{}` or 500 to everything passes it. */
export const WEAK_SPEC = `---
spec: weak
target:
  command: node server.mjs
  ready: /healthz
  ready timeout: 5s
runs: 3
---

# Weak greeting

## Goal

Greet callers by name.

## Inputs / Outputs

- \`GET /hello?name=NAME\` answers 200 with \`{ "greeting": "Hello, NAME!" }\`.
- Without a name it answers 400 with \`{ "error": "name is required" }\`.

## Constraints

- **C-1 answers**: a greeting request gets an answer.
  \`\`\`yaml
  steps:
    - send: GET /hello?name=Ada
      expect: { status: { $gte: 100 } }
  \`\`\`

## Failure Modes

- **FM-1 no-name**: a request without a name gets 400 and an error message.
  \`\`\`yaml
  steps:
    - send: GET /hello
      expect: { status: 400, body: { error: { $type: string } } }
  \`\`\`

## Out of Scope

- Translations.

## Acceptance

- **AC-1 by-name**: the greeting names the caller, whatever the name.
  \`\`\`yaml
  for all:
    name: { slug: { min length: 1, max length: 20 } }
  steps:
    - send: "GET /hello?name={{ name }}"
      expect: { status: 200, body: { greeting: "Hello, {{ name }}!" } }
  \`\`\`
`;
