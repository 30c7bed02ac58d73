/** Runs the benchmarks and prints one JSON object per result. `npm run bench` (builds first). */
import { importDeclarationsBenchmark } from './import-declarations.js';

const declarations = Number(process.env.BENCH_DECLARATIONS ?? 100_000);
for (const result of await importDeclarationsBenchmark(declarations)) console.log(JSON.stringify(result));
