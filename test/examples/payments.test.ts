import { judgeVariants } from './judge-variants.js';

judgeVariants('payments');
