// Entry of a fused-engine worker thread (sharded.ts): a worker does not inherit its parent's module
// loader, so it registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./fused-worker-main.ts');
