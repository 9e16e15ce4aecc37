// The `render` command: one plan in-process, many plans in parallel with a progress bar, then a summary.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { EXIT, formatProblems, OpsplanError } from '../errors.js';
import { formatsForSecondThread, startFormatThread } from '../writers/formatThread.js';
import { resolveFormats } from '../writers/registry.js';
import type { RenderOutcome } from './renderOne.js';
import type { BatchOptions } from './index.js';

export type RenderCommandOptions = Omit<BatchOptions, 'onOutcome'>;

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function printWritten(outcome: RenderOutcome): void {
  for (const output of outcome.written) console.log(`Wrote ${output.path} (${size(output.bytes)})`);
  if (outcome.reviewLine) console.log(outcome.reviewLine);
  if (outcome.comparedWith) console.log(`Compared with ${outcome.comparedWith}`);
  if (outcome.noPrevious) console.log(`${outcome.file}: ${noPreviousLine(outcome.noPrevious)}`);
}

/** "1 file", "2 files". */
const count = (number: number, noun: string) => `${number} ${noun}${number === 1 ? '' : 's'}`;

const noPreviousLine = (missing: string) => `no previous plan to compare with (${missing} does not exist): rendered without "Changes since the last plan".`;

/** A `--compare` path that does not exist is the command line's mistake: said once, not once per plan. */
async function checkCompare(compare: string): Promise<void> {
  await stat(compare).catch(() => {
    throw new OpsplanError('FILE_NOT_FOUND', `${compare}: no such file or folder`, {
      hint: '--compare names the previous plan\'s answers file, or a folder of previous answers files named like the plans.',
    });
  });
}

function printFailure(outcome: RenderOutcome): void {
  const error = outcome.error!;
  console.error(`opsplan: ${error.message}`);
  if (error.problems.length > 0) console.error(formatProblems(error.problems));
  if (error.hint) console.error(error.hint);
}

/** Renders the files and returns the exit code: the worst of the failures, 0 when every plan was written. */
export async function runRender(files: string[], options: RenderCommandOptions): Promise<number> {
  // A wrong --format is the user's command line, not a plan: say so once, before any work.
  const formats = resolveFormats(options.formats).map((format) => format.id);
  if (options.compare && files.length > 1) await checkCompare(options.compare);
  if (files.length === 1) {
    const { concurrency: _, ...shared } = options;
    // Started before the render code loads, so the worker loads its writers meanwhile.
    const offThread = (options.concurrency ?? availableParallelism()) > 1 ? formatsForSecondThread(formats) : [];
    const thread = offThread.length > 0 ? startFormatThread(offThread) : undefined;
    let outcome: RenderOutcome;
    try {
      const { renderOne } = await import('./renderOne.js');
      outcome = await renderOne({ ...shared, file: files[0]! }, thread && { formats: offThread, thread });
    } finally {
      await thread?.close();
    }
    if (outcome.error) {
      const { code, message, problems, hint } = outcome.error;
      throw new OpsplanError(code, message, { problems, ...(hint ? { hint } : {}) });
    }
    printWritten(outcome);
    return EXIT.ok;
  }

  const interactive = process.stderr.isTTY === true && !process.env.CI;
  // The default export: cli-progress is a CommonJS module, and a bundled one has no named exports.
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = interactive ? new SingleBar({ format: 'Rendering {bar} {value}/{total} plans  {file}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic) : undefined;
  bar?.start(files.length, 0, { file: '' });
  const { renderBatch } = await import('./index.js');
  const outcomes = await renderBatch(files, {
    ...options,
    onOutcome: (outcome, done, total) => {
      if (bar) bar.update(done, { file: outcome.file });
      else console.log(`[${done}/${total}] ${outcome.error ? 'failed' : 'done'}  ${outcome.file}`);
    },
  });
  bar?.stop();

  const failed = outcomes.filter((outcome) => outcome.error);
  const written = outcomes.flatMap((outcome) => outcome.written);
  console.log(`Rendered ${outcomes.length - failed.length} of ${count(outcomes.length, 'plan')}: ${count(written.length, 'file')} in ${options.out}`);
  for (const outcome of outcomes) if (outcome.noPrevious) console.log(`${outcome.file}: ${noPreviousLine(outcome.noPrevious)}`);
  for (const outcome of failed) printFailure(outcome);
  if (failed.length > 0) console.error(`${failed.length} of ${count(outcomes.length, 'plan')} could not be rendered.`);
  return Math.max(EXIT.ok, ...failed.map((outcome) => outcome.error!.exitCode));
}
