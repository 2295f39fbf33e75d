// Known-bad: a cache failure refuses the view with a 503 instead of serving it uncounted (FM-1).
import { send, serve } from '../server.mjs';

serve({ onCacheError: (res) => send(res, 503, { error: 'unavailable' }) });
