/// <reference types="node" />
import { register } from 'node:module';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { entryPoints } from './entry-points.js';

// Before TypeDoc is loaded: its `import ts from 'typescript'` must reach TypeScript 6.
register('./typescript6.mjs', import.meta.url);

/**
 * The API reference, generated from the JSDoc of every public entry point into `out`: Markdown
 * for VitePress, an index and one page per entry point (`faultline/express.md`).
 * Throws when TypeDoc reports an error or a warning: a broken `{@link}` fails the docs build like
 * a dead link.
 */
export async function generateApiReference(root: string, out: string): Promise<void> {
  const { Application, Converter, ReflectionKind } = await import('typedoc');
  const entries = entryPoints(root);
  await rm(out, { recursive: true, force: true });
  const app = await Application.bootstrapWithPlugins({
    entryPoints: entries.map((entry) => join(root, entry.source)),
    tsconfig: join(root, 'tsconfig.build.json'),
    plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
    out,
    docsRoot: join(root, 'docs'),
    readme: 'none',
    name: 'API reference',
    outputFileStrategy: 'modules',
    entryFileName: 'index',
    excludePrivate: true,
    excludeInternal: true,
    sort: ['kind', 'alphabetical'],
    hidePageHeader: true,
    hideBreadcrumbs: true,
    useCodeBlocks: true,
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
    gitRevision: 'main',
    disableSources: true,
    // tsc 7 type-checks the project (npm run typecheck); TypeScript 6 here only reads it.
    skipErrorChecking: true,
    // The site's sidebar lists the entry points itself (docs/.vitepress/sidebar.ts).
    sidebar: { autoConfiguration: false },
    // A broken {@link} fails the build. A type the API uses but no entry point exports (the logger
    // shapes of logErrors, say) is shown by name without a page: a gap to close in the exports,
    // not in the docs build.
    validation: { invalidLink: true, notExported: false, notDocumented: false },
    logLevel: 'Warn',
  } as Parameters<typeof Application.bootstrapWithPlugins>[0]);
  // TypeDoc names a module by its path (`adapters/express`); a user knows it by what they import.
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const entry = entries.find((e) => file !== undefined && relative(root, file) === e.source);
    if (entry !== undefined) reflection.name = entry.specifier;
  });
  const project = await app.convert();
  if (project === undefined) throw new Error('API reference: TypeDoc could not convert the entry points (see above)');
  const unnamed = project.getChildrenByKind(ReflectionKind.Module).filter((m) => !entries.some((e) => e.specifier === m.name));
  if (unnamed.length > 0) throw new Error(`API reference: no entry point for module(s) ${unnamed.map((m) => m.name).join(', ')}`);
  // TypeDoc's CLI validates after converting; its programmatic API only when asked.
  app.validate(project);
  await app.generateOutputs(project);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) throw new Error('API reference: TypeDoc reported problems (see above)');
}
