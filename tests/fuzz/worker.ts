/**
 * A worker thread's share of a fuzz run (worker-pool.ts bundles this file): the cases whose index
 * it is given, on a driver of its own; its summary goes back to the test.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCases } from './run-cases.js';

const { seed, indexes } = workerData as { seed: number; indexes: number[] };
parentPort!.postMessage(await runCases(seed, indexes));
