import { judgeVariants } from './judge-variants.js';

judgeVariants('view-counter');
