// The worker of a format thread: renders the document models it is sent in the formats it was started for.
import { parentPort, workerData } from 'node:worker_threads';
import { serveFormats } from './formatServer.js';

if (parentPort) serveFormats(parentPort, (workerData as { formats: string[] }).formats);
