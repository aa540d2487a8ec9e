/**
 * The environment a journey worker process should start with. glibc gives each thread that
 * allocates under contention its own malloc arena (up to 8 per core), and a worker has many:
 * the SDK's Rust core, its workflow thread, Node's own. Their fragmentation is RSS a worker with
 * many journeys cached never gives back; two arenas kept 1,000 waiting journeys 50 MiB smaller
 * in one measurement (237 -> 184 MiB over the idle worker), at no CPU cost we could measure.
 * Read by glibc when the process starts, so it is set by whoever starts the worker: the stack's
 * `npm start`, the Dockerfile, the engine bench. A value already in the environment wins.
 */
export function workerProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', ...env };
}
