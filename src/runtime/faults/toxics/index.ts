/** Every toxic the proxy knows, by type: one module each (see docs/faults.md to add one). */
import type { ToxicType } from '../../../ir.js';
import type { ToxicDefinition } from '../toxic.js';
import { bandwidth } from './bandwidth.js';
import { down } from './down.js';
import { latency } from './latency.js';
import { limitData } from './limit_data.js';
import { resetPeer } from './reset_peer.js';
import { slicer } from './slicer.js';
import { slowClose } from './slow_close.js';
import { timeout } from './timeout.js';

export const toxicDefinitions: { readonly [T in ToxicType]: ToxicDefinition<T> } = {
  down,
  reset_peer: resetPeer,
  timeout,
  latency,
  bandwidth,
  slow_close: slowClose,
  slicer,
  limit_data: limitData,
};

export function isToxicType(value: string): value is ToxicType {
  return Object.hasOwn(toxicDefinitions, value);
}
