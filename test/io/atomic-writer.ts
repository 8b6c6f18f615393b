/** Child process for the kill test (atomic.test.ts): writes three files atomically, over and over, until killed. */
import { join } from 'node:path';
import { writeFilesAtomic } from '../../src/io/atomic.ts';

const dir = process.argv[2];
const payload = 'x'.repeat(400_000);
for (let version = 1; ; version++) {
  const doc = (name: string) => JSON.stringify({ name, version, payload });
  writeFilesAtomic(['report.json', 'report.md', 'report.html'].map((name) => ({ path: join(dir, name), data: doc(name) })));
  process.stdout.write(`${version}\n`);
}
