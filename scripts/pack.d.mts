/** Builds dist/ and packs it into `dir`; returns the tarball's path. */
export function packTarball(root: string, dir: string): string;
/** Installs the tarball into a scratch project `dir` inside the repository (peers resolve from the repository's node_modules). */
export function installTarball(tarball: string, dir: string): void;
