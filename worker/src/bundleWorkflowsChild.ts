/**
 * The child process of bundleInChildProcess.ts: bundles the workflows its argument names and
 * prints the bundle as JSON on stdout (the bundler's warnings and errors go to stderr).
 */
import { z } from 'zod';
import { bundleWorkflowsQuietly } from './bundleJourneyWorkflows';

const request = z.object({ workflowsPath: z.string().min(1), preloadModules: z.array(z.string()) }).parse(JSON.parse(process.argv[2] ?? '{}'));
const bundle = await bundleWorkflowsQuietly(request.workflowsPath, request.preloadModules);
process.stdout.write(JSON.stringify({ code: bundle.code, sourceMap: bundle.sourceMap }), () => process.exit(0));
