// `npm run setup`: `npm ci`, unless node_modules already holds exactly what
// package-lock.json names (installed by an earlier `npm run setup` with the
// same Node.js). The quick start's two lines each begin with it, so each
// works alone on a fresh machine and the second reuses the first's install
// instead of compiling better-sqlite3 again.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const stamp = new URL('node_modules/.runbus-setup', root);
const want = createHash('sha256')
  .update(readFileSync(new URL('package-lock.json', root)))
  .update(`\0${process.version}\0${process.platform}\0${process.arch}`)
  .digest('hex');

let have = '';
try { have = readFileSync(stamp, 'utf8').trim(); } catch { /* no install yet */ }
if (have === want) {
  console.log('setup: node_modules matches package-lock.json; nothing to install');
  // The peer-credential addon is built by the install script; build it if
  // this checkout has not (a fresh clone beside an existing node_modules).
  if (!existsSync(new URL('build/Release/runbus_peercred.node', root))) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    spawnSync(npm, ['run', 'install'], { cwd: root, stdio: 'inherit' });
  }
} else {
  console.log('setup: npm ci (compiles better-sqlite3; about 2 minutes on a fresh machine)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stamp, `${want}\n`);
}
