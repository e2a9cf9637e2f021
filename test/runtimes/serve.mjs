// Serves the bundled portable app on Bun or Deno: `bun serve.mjs <bundle> <port>` or
// `deno run --allow-net --allow-read serve.mjs <bundle> <port>`. Prints "listening" when ready.
const [bundle, port] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const { app } = await import(new URL(bundle, `file://${globalThis.Deno ? Deno.cwd() : process.cwd()}/`).href);
if (globalThis.Bun) {
  Bun.serve({ port: Number(port), hostname: '127.0.0.1', fetch: app.fetch });
} else {
  Deno.serve({ port: Number(port), hostname: '127.0.0.1', onListen() {} }, app.fetch);
}
console.log('listening');
