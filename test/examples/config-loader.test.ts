import { judgeVariants } from './judge-variants.js';

judgeVariants('config-loader');
