// The previous plan a render is compared with (`render --compare`): found beside the answers file's name, then loaded.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { OpsplanError } from '../errors.js';
import { comparePlans, type PlanChanges } from './compare.js';
import { loadPlan } from './load.js';
import type { Plan } from './schema.js';

/** Answers files a previous plan may be saved as, when it is not under the very same file name. */
const ANSWERS_EXTENSIONS = ['.yaml', '.yml', '.json'];

export type PreviousPlanFile =
  | { file: string }
  /** `--compare` named a folder without a counterpart: the plan renders without the comparison. */
  | { missing: string };

const isFolder = (file: string) => stat(file).then((found) => found.isDirectory(), () => false);
const exists = (file: string) => stat(file).then((found) => found.isFile(), () => false);

/**
 * The file to compare `answersFile` with: `compare` itself, or, when it is a folder, the file of the same name in it
 * (or of the same name with another answers extension, e.g. `acme.yml` for `acme.yaml`).
 */
export async function previousPlanFile(compare: string, answersFile: string): Promise<PreviousPlanFile> {
  if (!(await isFolder(compare))) return { file: compare };
  const name = path.basename(answersFile);
  const same = path.join(compare, name);
  if (await exists(same)) return { file: same };
  const stem = path.basename(name, path.extname(name));
  for (const extension of ANSWERS_EXTENSIONS) {
    const candidate = path.join(compare, `${stem}${extension}`);
    if (await exists(candidate)) return { file: candidate };
  }
  return { missing: same };
}

/**
 * Loads the previous plan with the answers loader, so a bad or missing file gets the same located message and exit
 * code as any answers file, with a hint that says it is the one given to `--compare`.
 */
export async function loadPreviousPlan(file: string): Promise<Plan> {
  try {
    return (await loadPlan(file)).plan;
  } catch (error) {
    if (!(error instanceof OpsplanError)) throw error;
    const hint = error.code === 'INVALID_ANSWERS'
      ? `This is the previous plan given with --compare: fix it, or compare with another file (\`opsplan validate ${file}\` checks it).`
      : 'This is the previous plan given with --compare: check the path (a folder is searched for the file with the same name as the plan).';
    throw new OpsplanError(error.code, error.message, { problems: [...error.problems], hint, cause: error });
  }
}

/** What changed since the previous plan, or why there is no comparison. */
export async function changesSincePrevious(compare: string, answersFile: string, plan: Plan): Promise<{ changes?: PlanChanges; previousFile?: string; missing?: string }> {
  const found = await previousPlanFile(compare, answersFile);
  if ('missing' in found) return { missing: found.missing };
  return { changes: comparePlans(await loadPreviousPlan(found.file), plan), previousFile: found.file };
}
