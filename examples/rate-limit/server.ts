import { serveRateLimitApp } from './serve.js';

await serveRateLimitApp();
