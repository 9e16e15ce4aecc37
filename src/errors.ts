// The one error type the library throws; only the CLI entry point turns it into output and an exit code.

/** A problem located in a user's file, printed as `file:line:col  path  message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Dotted field path such as `accountPlan.costs[2].amount`, or `(file)` for the file as a whole. */
  path: string;
  message: string;
}

export const EXIT = {
  ok: 0,
  /** The user's input is wrong (answers file, brand, template). */
  invalidInput: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** Writing output failed, or something unexpected happened. */
  failure: 3,
} as const;

export type ErrorCode =
  | 'INVALID_ANSWERS'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'TEMPLATE_ERROR'
  | 'WRITE_FAILED'
  | 'USAGE'
  | 'NO_TERMINAL'
  /** A bug: reported in one line, with the details behind --debug. */
  | 'UNEXPECTED';

const exitFor: Record<ErrorCode, number> = {
  INVALID_ANSWERS: EXIT.invalidInput,
  FILE_NOT_FOUND: EXIT.invalidInput,
  FILE_UNREADABLE: EXIT.invalidInput,
  UNSUPPORTED_FILE_TYPE: EXIT.usage,
  TEMPLATE_ERROR: EXIT.invalidInput,
  WRITE_FAILED: EXIT.failure,
  USAGE: EXIT.usage,
  NO_TERMINAL: EXIT.usage,
  UNEXPECTED: EXIT.failure,
};

export class OpsplanError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];
  /** What the user can do about it, printed after the message. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { problems?: Problem[]; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OpsplanError';
    this.code = code;
    this.problems = options.problems ?? [];
    this.hint = options.hint;
  }

  get exitCode(): number {
    return exitFor[this.code];
  }
}

/** Formats problems one per line, aligned so that paths and messages line up in a terminal. */
export function formatProblems(problems: readonly Problem[]): string {
  const where = problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}`);
  const whereWidth = Math.max(0, ...where.map((text) => text.length));
  const pathWidth = Math.max(0, ...problems.map((problem) => problem.path.length));
  return problems
    .map((problem, index) => `${where[index]!.padEnd(whereWidth)}  ${problem.path.padEnd(pathWidth)}  ${problem.message}`)
    .join('\n');
}
