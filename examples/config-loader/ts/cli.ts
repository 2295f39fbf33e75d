/** The reference `config-loader FILE`. */
import { runConfigLoader } from './loader.js';
import { referenceParts } from './parts.js';

process.exitCode = runConfigLoader(process.argv.slice(2), referenceParts);
