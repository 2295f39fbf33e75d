/** Transport failures (no HTTP response at all) with one stable code each. */

export type TransportErrorCode =
  'ECONNREFUSED' | 'ECONNRESET' | 'ETIMEDOUT' | 'EPIPE' | 'EHOSTUNREACH' | 'EOTHER';

const DESCRIPTIONS: Record<TransportErrorCode, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset or closed before a full response',
  ETIMEDOUT: 'timeout',
  EPIPE: 'connection closed while sending',
  EHOSTUNREACH: 'host unreachable',
  EOTHER: 'transport error',
};

export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(
    readonly code: TransportErrorCode,
    /** e.g. `GET http://127.0.0.1:4000/api/ping` */
    readonly target: string,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${DESCRIPTIONS[code]}${detail ? ` (${detail})` : ''}: ${target}`, options);
  }
}

/** Codes as Node, undici and superagent report them, mapped to ours. */
const KNOWN: Record<string, TransportErrorCode> = {
  ECONNREFUSED: 'ECONNREFUSED',
  ECONNRESET: 'ECONNRESET',
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
  ERR_STREAM_PREMATURE_CLOSE: 'ECONNRESET',
  HPE_INVALID_CONSTANT: 'ECONNRESET',
  EPIPE: 'EPIPE',
  ETIMEDOUT: 'ETIMEDOUT',
  ECONNABORTED: 'ETIMEDOUT',
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
  EHOSTUNREACH: 'EHOSTUNREACH',
  ENETUNREACH: 'EHOSTUNREACH',
};

/** undici wraps the socket's error in `cause`: a system code found down the chain is the most precise. */
function codeOf(error: unknown): string | undefined {
  const codes: string[] = [];
  for (
    let current = error, depth = 0;
    current instanceof Error && depth < 5;
    current = current.cause, depth++
  ) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code && code in KNOWN) codes.push(code);
  }
  return codes.find((code) => !code.startsWith('UND_ERR_')) ?? codes[0];
}

export function toTransportError(error: unknown, target: string): TransportError {
  if (error instanceof TransportError) return error;
  const code = codeOf(error);
  const mapped = code ? KNOWN[code] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError(mapped ?? 'EOTHER', target, mapped ? undefined : message, { cause: error });
}
