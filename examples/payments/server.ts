/** The reference implementation: `node --import tsx examples/payments/server.ts`. */
import { servePayments } from './serve.js';

await servePayments({ name: 'payments' });
