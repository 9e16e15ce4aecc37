// What the threads of a batch share: the queue of plans, and for a pair of threads, the formats each renders for the other.
import type { MessagePort } from 'node:worker_threads';
import { EXIT } from '../errors.js';
import { formatClient, type FormatThread } from '../writers/formatThread.js';
import { serveFormats } from '../writers/formatServer.js';
import { renderOne, type RenderJob, type RenderOutcome } from './renderOne.js';

/**
 * Plans are handed out through memory every thread shares: `next` is the index of the next plan to take, and each
 * worker notes in its slots of `held` the plans it is rendering (finished or not: a stopped worker's plan counts as
 * lost only if no outcome came for it). A thread takes its next plan the moment it finishes one, without waiting for
 * this thread, which is often busy rendering a plan of its own.
 */
export interface SharedQueue {
  next: Int32Array;
  held: Int32Array;
}

/**
 * Two threads that share the slowest formats, one each: every Word file of both threads' plans is written on one,
 * every PDF drawn on the other. Each thread then loads, warms and caches one writer instead of both, which is
 * most of the time a thread spends before it renders at full speed.
 */
export interface Pairing {
  /** Formats this thread's plans get from the partner. */
  sends: string[];
  /** Formats this thread renders for the partner's plans. */
  serves: string[];
  /** This thread's requests go out here... */
  asks: MessagePort;
  /** ...and the partner's come in here. */
  answers: MessagePort;
  /** Plans this thread renders at once: while some wait for the partner's files, it makes the next. */
  inFlight: number;
}

/** What the pool tells a worker once: the jobs, the shared queue, its slots of `held`, and its partner if it has one. */
export interface WorkerStart {
  jobs: RenderJob[];
  queue: SharedQueue;
  slots: number[];
  pair?: Pairing;
}

/** What a worker says about a plan it finished. */
export interface WorkerOutcome {
  index: number;
  outcome: RenderOutcome;
}

/**
 * Plans a thread of a pair renders at once. The one writing the Word files keeps more going: it is ready well before
 * its partner has drawn a first PDF (which shapes every word of the plan), and makes the next plans' files meanwhile.
 */
export const PLANS_IN_FLIGHT = { word: 8, pdf: 3 };

/** The formats a pair divides, as what the first and the second thread send: none unless both Word and PDF are asked for. */
export function pairedFormats(formats: readonly string[]): [string[], string[]] | undefined {
  return formats.includes('pdf') && formats.includes('docx') ? [['pdf'], ['docx']] : undefined;
}

/** Takes the next plan, noting it in `slot` of `held` when there is one: undefined when all are taken. */
export function takeJob(queue: SharedQueue, total: number, slot?: number): number | undefined {
  const index = Atomics.add(queue.next, 0, 1);
  if (index >= total) return undefined;
  if (slot !== undefined) Atomics.store(queue.held, slot, index);
  return index;
}

/** This thread's side of a pair: it answers the partner at once, and its plans send their share of formats there. */
export function joinPair(pair: Pairing): { formats: string[]; thread: FormatThread & { stop(): void } } {
  serveFormats(pair.answers, pair.serves);
  const thread = formatClient(pair.asks, async () => {
    pair.asks.close();
    pair.answers.close();
  });
  // The partner's end closes when its thread stops: what this thread still waits for, it renders itself.
  pair.asks.on('close', thread.stop);
  return { formats: pair.sends, thread };
}

/**
 * Renders plans from the queue until none are left, one per slot at a time (a slot of `held`, or undefined on the
 * thread that needs none), and gives each outcome to `done`. A plan that fails in a way no answers file explains
 * fails alone: the others go on.
 */
export async function takePlans(
  jobs: readonly RenderJob[],
  queue: SharedQueue,
  slots: readonly (number | undefined)[],
  elsewhere: { formats: readonly string[]; thread: FormatThread } | undefined,
  done: (index: number, outcome: RenderOutcome) => void,
): Promise<void> {
  await Promise.all(slots.map(async (slot) => {
    for (let index = takeJob(queue, jobs.length, slot); index !== undefined; index = takeJob(queue, jobs.length, slot)) {
      const job = jobs[index]!;
      const outcome = await renderOne(job, elsewhere).catch((error: unknown): RenderOutcome => ({
        file: job.file,
        written: [],
        error: { code: 'UNEXPECTED', message: `${job.file}: unexpected error: ${error instanceof Error ? error.message : String(error)}`, problems: [], exitCode: EXIT.failure },
      }));
      done(index, outcome);
    }
    if (slot !== undefined) Atomics.store(queue.held, slot, -1);
  }));
}
