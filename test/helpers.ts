// Shared test helpers: paths, running the built CLI, and scratch folders.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export const EXAMPLES = {
  en: path.join(ROOT, 'examples', 'lumen-threads.en.yaml'),
  zh: path.join(ROOT, 'examples', 'chuanyaotong-vip-group.zh-CN.yaml'),
} as const;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm test builds first) in `cwd`, without a terminal. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function scratchDir(prefix = 'opsplan-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** The raw answers as plain data, read independently of the code under test. */
export function rawAnswers(file: string): Record<string, any> {
  return parse(readFileSync(file, 'utf8')) as Record<string, any>;
}

const hasTool = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Checks that need a tool (qpdf, poppler, LibreOffice) are skipped only on a machine without it, never in CI. */
export const withTools = (...tools: string[]): typeof it.skip => (tools.every(hasTool) || process.env.CI ? it : it.skip);

/** Runs a document tool and returns what it printed; a failure throws with the tool's own message. */
export function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${result.status}: ${result.stderr}${result.stdout}`);
  return result.stdout;
}
