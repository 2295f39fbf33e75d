export { History, entryTime } from './recorder.js';
