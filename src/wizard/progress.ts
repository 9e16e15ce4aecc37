// Where the wizard stopped, kept in a small sidecar file next to the answers (".plan.yaml.opsplan-progress.json").
//
// A sidecar rather than a comment in the answers file: the answers are what a team reviews in git and a consultant
// hands over, so they stay free of machine state (which steps this person finished, the formats last rendered);
// the sidecar can be ignored or deleted at any time without losing a single answer.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../io/atomicWrite.js';
import { STEP_FILES, type StepKey } from './questions.js';

const STEP_KEYS = Object.keys(STEP_FILES) as [StepKey, ...StepKey[]];

const ProgressSchema = z.object({
  /** Steps answered to the end, in the order they were finished. */
  done: z.array(z.enum(STEP_KEYS)).default([]),
  /** The formats chosen the last time the plan was rendered. */
  formats: z.array(z.string()).optional(),
  updatedAt: z.string().optional(),
});

export type Progress = z.infer<typeof ProgressSchema>;

export function progressFile(answersFile: string): string {
  return path.join(path.dirname(answersFile), `.${path.basename(answersFile)}.opsplan-progress.json`);
}

/** The saved progress, or undefined when there is none (or it is unreadable: progress is a convenience, never a blocker). */
export async function readProgress(answersFile: string): Promise<Progress | undefined> {
  try {
    const result = ProgressSchema.safeParse(JSON.parse(await readFile(progressFile(answersFile), 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeProgress(answersFile: string, progress: Progress, now = new Date()): Promise<void> {
  const done = STEP_KEYS.filter((step) => progress.done.includes(step));
  const data = { done, ...(progress.formats ? { formats: progress.formats } : {}), updatedAt: now.toISOString() };
  await writeFileAtomic(progressFile(answersFile), `${JSON.stringify(data, null, 2)}\n`);
}

/** The first step not finished yet, in plan order. */
export function nextStep(progress: Progress): StepKey | undefined {
  return STEP_KEYS.find((step) => !progress.done.includes(step));
}
