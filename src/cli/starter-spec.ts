/** The spec `specgate init` writes: small, valid, and showing both kinds of criterion. */
export const STARTER_SPEC_FILE = 'specs/example.md';

export const STARTER_SPEC = `---
spec: example
target:
  # The command that starts your implementation, run from the project root.
  # It must listen on $HOST:$PORT and answer GET /healthz with 200 once ready.
  command: node server.js
  ready: /healthz
runs: 8
timeout: 30s
---

# Example service

## Goal

A small HTTP service that says hello. Replace this spec with the feature you are building:
one section per part of the contract, one criterion per decision an implementation must honour.

## Inputs / Outputs

- \`GET /hello?name=<name>\` answers \`200 {"greeting":"hello, <name>"}\`.
- \`GET /healthz\` answers 200 once the service is ready.

## Out of Scope

- Authentication.

## Acceptance

- **AC-1 greets**: \`GET /hello?name=ada\` answers 200 with \`{"greeting":"hello, ada"}\`.
  \`\`\`yaml
  steps:
    - send: GET /hello?name=ada
      expect: { status: 200, body: { greeting: "hello, ada" } }
  \`\`\`
- **AC-2 polite**: the greeting is friendly. (Not executable yet: add a yaml block to check it.)
`;
