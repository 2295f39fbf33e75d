// Wrong: fails open and counts the metric, but logs nothing.
import { serveRateLimitApp } from '../serve.js';

await serveRateLimitApp({
  onBackendError: (_error, { metrics }) => {
    metrics.backendErrors.inc();
    return 'allow';
  },
});
