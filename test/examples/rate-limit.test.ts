import { judgeVariants } from './judge-variants.js';

judgeVariants('rate-limit');
