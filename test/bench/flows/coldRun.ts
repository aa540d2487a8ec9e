/**
 * One cold pass of the compile bench, run by compileBench.ts in a fresh process: nothing cached,
 * nothing compiled by the JIT yet, as when the CLI validates a file or an API process saves its
 * first flow. Arguments: the pipeline (builder | api) and the flow's node count. Prints the step
 * times as JSON on stdout.
 */
import { generateBenchCanvas } from './benchFlow';
import { isPipeline, runPipelines } from './benchPipelines';

const [pipeline, size] = process.argv.slice(2);
if (pipeline === undefined || !isPipeline(pipeline) || !Number.isInteger(Number(size))) {
  process.stderr.write('usage: coldRun.ts <builder|api> <node count>\n');
  process.exit(2);
}
// Generating the flow is the caller's business, not the cold pass: it stays outside the times.
const canvas = generateBenchCanvas(Number(size));
const { times } = runPipelines(canvas, [pipeline]);
process.stdout.write(`${JSON.stringify(times)}\n`);
