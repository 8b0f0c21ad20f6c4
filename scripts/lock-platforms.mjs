// The registry this project installs from lacks some platform builds of pagefind 1.6 (macOS,
// Windows, FreeBSD). npm then leaves them out of package-lock.json but still expects them, and
// `npm ci` refuses the lock. Run this after `npm install` changes the lock: it keeps, in each
// package's optional dependencies, only the platform packages the lock actually holds.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
let dropped = 0;
for (const entry of Object.values(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!lock.packages[`node_modules/${name}`]) {
      delete entry.optionalDependencies[name];
      dropped++;
    }
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platforms: dropped ${dropped} optional dependencies the lock does not hold`);
