/**
 * The toxics of the fault proxy and their attributes: the one table the parser (keys, units,
 * conversion), the JSON Schema (src/parse/toxic-schema.ts writes the `fault` definition from it)
 * and the runtime (src/runtime/faults/attributes.ts checks and fills defaults) all read. It is
 * data only, shared like ir.ts, so the parser never imports runtime code; each toxic's behaviour
 * lives in src/runtime/faults/toxics/<type>.ts, which the runtime registry requires per type.
 *
 * Every value is in its `unit` from the spec to the runtime: a duration is written `10ms` or
 * `1.5s` in a spec and reaches the toxic as milliseconds.
 */

/** `ms`: a duration (number of ms, `200ms`, `1.5s`, or a template); the others: a plain number. */
export type AttributeUnit = 'ms' | 'bytes' | 'KB/s';

export interface ToxicAttribute {
  /** The key in a spec's `fault:` mapping (multi-word keys are written with spaces, as everywhere). */
  key: string;
  unit: AttributeUnit;
  /** Used when the attribute is not given; absent means the attribute is required. */
  default?: number;
  /** Smallest value, in `unit`. */
  min: number;
  description: string;
}

export interface ToxicDeclaration {
  /** One line for docs, the schema and error messages. */
  summary: string;
  /** Attribute name (in the IR and the runtime) → its declaration. */
  attributes: Readonly<Record<string, ToxicAttribute>>;
}

export const TOXICS = {
  down: {
    summary: 'refuses new connections (ECONNREFUSED) and closes open ones; heals on the same port',
    attributes: {},
  },
  reset_peer: {
    summary: 'resets the connection (TCP RST) timeout milliseconds after the next data',
    attributes: {
      timeout: {
        key: 'timeout',
        unit: 'ms',
        default: 0,
        min: 0,
        description: 'time between the first data and the reset',
      },
    },
  },
  timeout: {
    summary: 'stops all data; closes the connection after timeout milliseconds (never with 0)',
    attributes: {
      timeout: {
        key: 'timeout',
        unit: 'ms',
        default: 0,
        min: 0,
        description: 'time until the connection is closed (0 = never)',
      },
    },
  },
  latency: {
    summary: 'delays every chunk by latency ± jitter milliseconds, keeping order',
    attributes: {
      latency: { key: 'latency', unit: 'ms', min: 0, description: 'delay added to every chunk' },
      jitter: {
        key: 'jitter',
        unit: 'ms',
        default: 0,
        min: 0,
        description: 'uniform variation of the delay, ±',
      },
    },
  },
  bandwidth: {
    summary: 'limits the throughput to rate KB/s',
    attributes: {
      rate: {
        key: 'rate',
        unit: 'KB/s',
        min: 1,
        description: 'thousands of bytes per second (bytes per millisecond)',
      },
    },
  },
  slow_close: {
    summary: 'delays the close of the stream by delay milliseconds',
    attributes: {
      delay: {
        key: 'delay',
        unit: 'ms',
        min: 0,
        description: 'time between the end of the stream and passing it on',
      },
    },
  },
  slicer: {
    summary: 'slices data into small chunks of average_size ± size_variation bytes, delay ms apart',
    attributes: {
      average_size: { key: 'average size', unit: 'bytes', min: 1, description: 'average size of a slice' },
      size_variation: {
        key: 'size variation',
        unit: 'bytes',
        default: 0,
        min: 0,
        description: 'uniform variation of the slice size, ± (kept below the average size)',
      },
      delay: { key: 'delay', unit: 'ms', default: 0, min: 0, description: 'pause after each slice' },
    },
  },
  limit_data: {
    summary: 'closes the connection once bytes bytes went through',
    attributes: {
      bytes: {
        key: 'bytes',
        unit: 'bytes',
        min: 0,
        description: 'bytes let through (counted from when the toxic applies)',
      },
    },
  },
} as const satisfies Record<string, ToxicDeclaration>;

export type ToxicType = keyof typeof TOXICS;

export const TOXIC_TYPES = Object.keys(TOXICS) as ToxicType[];

export function isToxicType(value: unknown): value is ToxicType {
  return typeof value === 'string' && Object.hasOwn(TOXICS, value);
}

/** The declaration of one toxic, widened so callers can look attributes up by name. */
export function toxicDeclaration(type: ToxicType): ToxicDeclaration {
  return TOXICS[type];
}
