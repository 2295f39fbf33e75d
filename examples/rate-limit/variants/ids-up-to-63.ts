// Wrong: user ids of 64 characters are refused with 401 (the id pattern allows only 1 to 63).
import { serveRateLimitApp } from '../serve.js';
import { authenticateFromHeaders } from '../auth.js';

await serveRateLimitApp({
  authenticate: (headers) => {
    const id = headers['x-user-id'];
    return typeof id === 'string' && id.length > 63 ? undefined : authenticateFromHeaders(headers);
  },
});
