// `koa2` is a dev-only npm alias of koa@2, installed to test faultline/koa on Koa 2. Koa 2's API is
// the one @types/koa describes, so the alias borrows its types.
declare module 'koa2' {
  import Koa from 'koa';
  export default Koa;
}
