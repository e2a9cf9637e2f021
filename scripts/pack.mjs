// Builds the package and packs it as `npm publish` would: the tarball a user installs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds dist/ and packs it into `dir`; returns the tarball's path. */
export function packTarball(root, dir) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
  return join(dir, out.trim().split('\n').pop());
}

/** Installs the tarball into a scratch project `dir` inside the repository (peers resolve from the repository's node_modules). */
export function installTarball(tarball, dir) {
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', tarball], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}
