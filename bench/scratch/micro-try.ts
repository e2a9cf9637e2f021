import { microTables, runMicro } from '../micro/micro.js';
console.log(microTables(await runMicro({ rounds: 5, cpuMs: 80 })));
