#!/usr/bin/env node
// The command line: parses arguments, calls the library, and is the only place that prints errors and exits.
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { EXIT, OpsplanError, formatProblems } from './errors.js';
import { FORMAT_IDS } from './writers/registry.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
const program = new Command();
let debug = false;

program
  .name('opsplan')
  .description('Turn your answers into a complete WeChat operations plan (Markdown, Word, PDF).')
  .version(version, '-v, --version')
  .option('--debug', 'print full details of unexpected errors')
  .showHelpAfterError('(run `opsplan --help` to see every command)')
  .exitOverride();

program
  .command('render')
  .description('render answers files into plan documents')
  .argument('<answers...>', 'answers files (.yaml, .yml or .json)')
  .addOption(new Option('-f, --format <formats>', `formats, comma-separated: ${FORMAT_IDS.join(', ')} or all`).default('md'))
  .option('-o, --out <dir>', 'output folder', 'output')
  .option('-t, --templates <dir>', 'folder with template overrides, searched before the built-in templates')
  .action(async (files: string[], options: { format: string; out: string; templates?: string }) => {
    const { loadPlan } = await import('./plan/load.js');
    const { renderPlanFiles, resolveFormats } = await import('./render.js');
    const formats = resolveFormats(options.format);
    let failed = 0;
    for (const file of files) {
      try {
        const { plan } = await loadPlan(file);
        const written = await renderPlanFiles(plan, formats, options.out, options.templates ? { templateDirs: [options.templates] } : {});
        for (const output of written) console.log(`Wrote ${output.path} (${formatBytes(output.bytes)})`);
      } catch (error) {
        if (files.length === 1) throw error;
        failed += 1;
        report(error);
      }
    }
    if (failed > 0) {
      console.error(`${failed} of ${files.length} plans could not be rendered.`);
      process.exitCode = EXIT.invalidInput;
    }
  });

program
  .command('validate')
  .description('check answers files and list every problem with its line and field')
  .argument('<answers...>', 'answers files (.yaml, .yml or .json)')
  .action(async (files: string[]) => {
    const { loadPlan } = await import('./plan/load.js');
    for (const file of files) {
      try {
        await loadPlan(file);
        console.log(`${file}: valid`);
      } catch (error) {
        report(error);
        process.exitCode = error instanceof OpsplanError ? error.exitCode : EXIT.failure;
      }
    }
  });

program
  .command('schema')
  .description('print the JSON Schema of the answers file (for editors and other tools)')
  .option('-o, --out <file>', 'write it to a file instead of printing it')
  .action(async (options: { out?: string }) => {
    const { answersJsonSchema } = await import('./plan/jsonSchema.js');
    const text = `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
    if (options.out) {
      const { writeFileAtomic } = await import('./io/atomicWrite.js');
      await writeFileAtomic(options.out, text);
      console.log(`Wrote ${options.out}`);
    } else {
      process.stdout.write(text);
    }
  });

program
  .command('formats')
  .description('list the output formats')
  .action(async () => {
    const { FORMATS } = await import('./writers/registry.js');
    for (const format of FORMATS) console.log(`${format.id.padEnd(6)}${format.description}`);
  });

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** Prints an error for a person: the message, each located problem, and what to do. */
function report(error: unknown): void {
  if (error instanceof OpsplanError) {
    console.error(`opsplan: ${error.message}`);
    if (error.problems.length > 0) console.error(formatProblems(error.problems));
    if (error.hint) console.error(error.hint);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`opsplan: unexpected error: ${message}`);
  if (debug && error instanceof Error && error.stack) console.error(error.stack);
  else console.error('Run again with --debug for details, and report it if it persists.');
}

async function main(argv: string[]): Promise<void> {
  debug = argv.includes('--debug');
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return;
    }
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help text).
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    report(error);
    process.exitCode = error instanceof OpsplanError ? error.exitCode : EXIT.failure;
  }
}

await main(process.argv);
