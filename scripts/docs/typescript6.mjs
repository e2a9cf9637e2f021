// A module resolution hook: TypeDoc (and its plugins) get TypeScript 6's compiler API when they
// import `typescript`. The project compiles with TypeScript 7, whose `typescript` package has no
// JavaScript API; TypeDoc 0.28 supports TypeScript up to 6.0, installed as the `typescript6` alias.
// Registered only by the API reference's generator; nothing else in that process imports typescript.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'typescript' || specifier.startsWith('typescript/')) {
    return nextResolve(specifier.replace(/^typescript/, 'typescript6'), context);
  }
  return nextResolve(specifier, context);
}
