// Wrong: any non-empty X-User-Id is accepted (any length or characters) and a missing or unknown plan means free.
import { serveRateLimitApp } from '../serve.js';

await serveRateLimitApp({
  authenticate: (headers) => {
    const id = headers['x-user-id'];
    if (typeof id !== 'string' || id === '') return undefined;
    return { id, plan: headers['x-user-plan'] === 'paid' ? 'paid' : 'free' };
  },
});
