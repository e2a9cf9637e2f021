import { runMacro, macroTables } from '../macro/macro.js';
const only = process.argv.slice(2);
console.log(macroTables(await runMacro({ rounds: 2, seconds: 2, connections: 10, only }, console.log)));
