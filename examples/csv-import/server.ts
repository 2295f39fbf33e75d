/** The reference implementation: `node --import tsx examples/csv-import/server.ts`. */
import { serveCsvImport } from './serve.js';

serveCsvImport({ name: 'csv-import' });
