#!/usr/bin/env node
// The command line: parses arguments, calls the library, and is the only place that prints errors and exits.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
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
  .option('-b, --brand <file>', 'brand file (brand.yaml): logo, colours, fonts, page setup; else the one the answers file names')
  .addOption(new Option('--appendix <name>', 'add an appendix after the seven sections: review (completeness score and open points)').choices(['review']))
  .option('--compare <file>', 'previous answers file: add "Changes since the last plan" (budget, KPIs, forecast, activities); with several plans, a folder of previous files with the same names')
  .option('-j, --jobs <n>', 'threads to render with (default: the number of cores): plans at the same time, or a lone plan\'s PDF beside its other formats')
  .action(async (files: string[], options: { format: string; out: string; templates?: string; brand?: string; appendix?: 'review'; compare?: string; jobs?: string }) => {
    // A render runs much library code only a few times. With V8's default budget (67,584) the optimising compiler
    // takes up most of it, on the core the other renders need; at eight times that, a cold render used a quarter less
    // CPU and a 50-plan batch 10-17 % less, in the same or less time. Set before the render code is loaded; worker
    // threads share it.
    setFlagsFromString('--interrupt-budget=540672');
    const { runRender } = await import('./batch/command.js');
    const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new OpsplanError('USAGE', `--jobs must be a whole number from 1 up, not "${options.jobs}"`);
    process.exitCode = await runRender(files, {
      formats: options.format,
      out: options.out,
      ...(options.templates ? { templates: options.templates } : {}),
      ...(options.brand ? { brand: options.brand } : {}),
      ...(options.appendix ? { appendix: options.appendix } : {}),
      ...(options.compare ? { compare: options.compare } : {}),
      ...(jobs ? { concurrency: jobs } : {}),
    });
  });

const brand = program.command('brand').description('brands for client plans: logo, colours, fonts, page setup, templates');

brand
  .command('init')
  .description('create a brand folder with a commented brand.yaml and the default templates to override')
  .argument('<dir>', 'folder to create')
  .action(async (dir: string) => {
    const { initBrand } = await import('./brand/init.js');
    for (const written of await initBrand(dir)) console.log(`Wrote ${written}`);
    console.log(`Edit ${dir}/brand.yaml, then: opsplan render <answers> --format all --brand ${dir}/brand.yaml`);
  });

brand
  .command('check')
  .description('check a brand file and every file it names (logo, fonts)')
  .argument('<file>', 'brand file (brand.yaml)')
  .action(async (file: string) => {
    const { loadBrand } = await import('./brand/load.js');
    await loadBrand(file);
    console.log(`${file}: valid`);
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
  .command('review')
  .description('check a plan the way an experienced operations lead would: what is missing, inconsistent or unrealistic')
  .argument('<answers>', 'answers file (.yaml, .yml or .json)')
  .addOption(new Option('--format <format>', 'text for people, json for tools').choices(['text', 'json']).default('text'))
  .option('--lang <language>', 'language of the findings: en or zh-CN (default: the system language)')
  .action(async (file: string, options: { format: string; lang?: string }) => {
    const { runReview } = await import('./review/command.js');
    const { output, exitCode } = await runReview(file, options);
    process.stdout.write(output);
    process.exitCode = exitCode;
  });

program
  .command('schema')
  .description('print the JSON Schema of the answers file, or of the brand file (for editors and other tools)')
  .addOption(new Option('--of <file>', 'which file format').choices(['answers', 'brand']).default('answers'))
  .option('-o, --out <file>', 'write it to a file instead of printing it')
  .action(async (options: { of: 'answers' | 'brand'; out?: string }) => {
    const schema = options.of === 'brand'
      ? (await import('./brand/init.js')).brandJsonSchema()
      : (await import('./plan/jsonSchema.js')).answersJsonSchema();
    const text = `${JSON.stringify(schema, null, 2)}\n`;
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

program
  .command('wizard')
  .description('answer questions section by section and get a finished plan (what `opsplan` alone starts in a terminal)')
  .argument('[answers]', 'answers file to create or change (.yaml, .yml or .json); asked for when left out')
  .option('--lang <language>', 'language of the questions: en or zh-CN (default: the system language)')
  .option('--section <n>', 'go straight to one section: 0 (about the plan) to 7, or its name, e.g. accountPlan')
  .option('-o, --out <dir>', 'output folder for the rendered plan', 'output')
  .action(async (file: string | undefined, options: { lang?: string; section?: string; out: string }) => {
    const { wizardCommand } = await import('./wizard/command.js');
    process.exitCode = await wizardCommand(file, options);
  });

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
      // No arguments: a person at a terminal gets the wizard; anywhere else, the help and the wizard's no-terminal message (exit 2).
      if (!process.stdin.isTTY || !process.stdout.isTTY) program.outputHelp();
      await program.parseAsync([...argv, 'wizard']);
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
