/** The behaviour of every toxic in src/toxics.ts, by type: one module each (docs/contributing.md to add one). */
import type { ToxicType } from '../../../toxics.js';
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
