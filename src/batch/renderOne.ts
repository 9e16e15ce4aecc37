// Renders one answers file with its brand and options: the unit of work of `render`, in-process or in a worker.
import path from 'node:path';
import { OpsplanError, type ErrorCode, type Problem } from '../errors.js';
import { loadBrand, type Brand } from '../brand/load.js';
import { loadPlan } from '../plan/load.js';
import { renderPlanFiles, type RenderedFile } from '../render.js';
import type { FormatThread } from '../writers/formatThread.js';
import { resolveFormats } from '../writers/registry.js';

export interface RenderJob {
  file: string;
  /** Comma-separated format ids or `all`. */
  formats: string;
  out: string;
  /** Output file name stem; the plan title's when left out. */
  stem?: string;
  templates?: string;
  /** Brand file given on the command line; else the one the answers file names, if any. */
  brand?: string;
  appendix?: 'review';
  /** Previous answers file to compare with (`--compare`), or a folder holding one under the same name as `file`. */
  compare?: string;
}

export interface RenderOutcome {
  file: string;
  written: RenderedFile[];
  /** The one-line review count printed after the files. */
  reviewLine?: string;
  /** The previous plan the rendered one was compared with. */
  comparedWith?: string;
  /** `--compare` named a folder without this plan's counterpart (this path): rendered without the comparison. */
  noPrevious?: string;
  error?: { code: ErrorCode; message: string; problems: Problem[]; hint?: string; exitCode: number };
}

const brands = new Map<string, Promise<Brand>>();

/** Brands are loaded once per process: a batch usually shares one, and its fonts and logo are large. */
function brandFor(file: string): Promise<Brand> {
  const key = path.resolve(file);
  let brand = brands.get(key);
  if (!brand) {
    brand = loadBrand(key);
    brands.set(key, brand);
    brand.catch(() => brands.delete(key));
  }
  return brand;
}

/** Renders one plan; `elsewhere` names formats another thread renders, and the thread. */
export async function renderOne(job: RenderJob, elsewhere?: { formats: readonly string[]; thread: FormatThread }): Promise<RenderOutcome> {
  try {
    const formats = resolveFormats(job.formats);
    const { plan } = await loadPlan(job.file);
    const brandFile = job.brand ?? (plan.meta.brand ? path.resolve(path.dirname(job.file), plan.meta.brand) : undefined);
    const brand = brandFile ? await brandFor(brandFile) : undefined;
    elsewhere?.thread.prepare(plan.meta.language, brand?.theme);
    const templateDirs = [job.templates, brand?.templatesDir].filter((dir): dir is string => dir !== undefined);
    // Every render ends with the review's one-line count, so the review module is always needed here.
    const review = await import('../review/command.js');
    const compared = job.compare ? await (await import('../plan/previous.js')).changesSincePrevious(job.compare, job.file, plan) : {};
    const rendering = renderPlanFiles(plan, formats, job.out, {
      ...(templateDirs.length > 0 ? { templateDirs } : {}),
      ...(brand ? { theme: brand.theme } : {}),
      ...(job.appendix === 'review' ? { review: review.reviewAppendix(plan) } : {}),
      ...(compared.changes ? { changes: compared.changes } : {}),
      ...(job.stem ? { stem: job.stem } : {}),
      ...(elsewhere ? { elsewhere } : {}),
    });
    const reviewLine = review.reviewCountLine(plan, job.file);
    return {
      file: job.file,
      written: await rendering,
      reviewLine,
      ...(compared.previousFile ? { comparedWith: compared.previousFile } : {}),
      ...(compared.missing ? { noPrevious: compared.missing } : {}),
    };
  } catch (error) {
    if (error instanceof OpsplanError) {
      return {
        file: job.file,
        written: [],
        error: { code: error.code, message: error.message, problems: [...error.problems], ...(error.hint ? { hint: error.hint } : {}), exitCode: error.exitCode },
      };
    }
    throw error;
  }
}
