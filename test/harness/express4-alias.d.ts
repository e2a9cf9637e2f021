// The `express4` alias is Express 4 (installed for the Express 4 harness); its API is the one
// @types/express describes for what the harness uses.
declare module 'express4' {
  import express from 'express';
  export default express;
}
