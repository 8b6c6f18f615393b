// Entry of a parallel-verify worker thread (parallel-verify.ts) when matmem runs from its TypeScript
// sources: a worker does not inherit its parent's module loader, so it registers tsx itself first.
import { register } from 'tsx/esm/api';

register();
await import('./parallel-verify-worker-main.ts');
