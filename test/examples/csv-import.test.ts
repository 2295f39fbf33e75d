import { judgeVariants } from './judge-variants.js';

judgeVariants('csv-import');
