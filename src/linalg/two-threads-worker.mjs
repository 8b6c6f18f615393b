// Entry of the two-threads worker when running from the sources: a worker does not inherit its
// parent's module loader, so it registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./two-threads-worker-main.ts');
