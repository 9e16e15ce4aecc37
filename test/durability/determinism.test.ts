// Determinism: the same answers, brand and date give the same bytes in every format, so plans can be diffed and reviewed.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../property/documents.js';
import { CLI, EXAMPLES, ROOT, rawAnswers, scratchDir } from '../helpers.js';

const BRAND = path.join(ROOT, 'test', 'fixtures', 'brands', 'harbor', 'brand.yaml');
/** 2027-03-01T08:30:00Z and 2028-11-20T00:00:00Z, both different from the plan's own date. */
const EPOCHS = { first: '1803889800', second: '1858291200' } as const;
const scratch = scratchDir('opsplan-determinism-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Files = Map<string, Buffer>;

/** Renders the Chinese example with the brand in a separate process, SOURCE_DATE_EPOCH set to `epoch` or unset. */
function render(folder: string, epoch: string | undefined): Promise<Files> {
  const environment = { ...process.env };
  if (epoch === undefined) delete environment.SOURCE_DATE_EPOCH;
  else environment.SOURCE_DATE_EPOCH = epoch;
  const out = path.join(scratch, folder);
  const child = spawn(process.execPath, [CLI, 'render', EXAMPLES.zh, '--format', 'all', '--brand', BRAND, '--out', out], { cwd: ROOT, env: environment, stdio: 'ignore' });
  return new Promise((resolve, reject) => child.on('exit', (code) => {
    if (code !== 0) reject(new Error(`render into ${folder} exited with ${code}`));
    else resolve(new Map(readdirSync(out).map((name) => [path.extname(name), readFileSync(path.join(out, name))])));
  }));
}

const runs: Record<'epochA' | 'epochB' | 'planDateA' | 'planDateB' | 'otherEpoch', Files> = {} as never;

beforeAll(async () => {
  // Two at a time: each pair is two separate processes rendering the same thing.
  [runs.epochA, runs.epochB] = await Promise.all([render('epoch-a', EPOCHS.first), render('epoch-b', EPOCHS.first)]);
  [runs.planDateA, runs.planDateB] = await Promise.all([render('plan-date-a', undefined), render('plan-date-b', undefined)]);
  runs.otherEpoch = await render('other-epoch', EPOCHS.second);
}, 300_000);

const FORMATS = ['.md', '.docx', '.pdf', '.html'];
const isoOf = (epoch: string) => new Date(Number(epoch) * 1000).toISOString().replace(/\.000Z$/, 'Z');
const pdfDateOf = (iso: string) => `D:${iso.replace(/[-:T]/g, '').slice(0, 14)}Z`;
const planDate = `${rawAnswers(EXAMPLES.zh).meta.date as string}T00:00:00Z`;

/** The creation and modification dates a .docx states in its core properties. */
const docxDates = (files: Files) =>
  [...readZipEntries(files.get('.docx')!).get('docProps/core.xml')!.toString('utf8').matchAll(/<dcterms:(created|modified)[^>]*>([^<]*)</g)].map(([, , date]) => date);
/**
 * The parts of a .docx, with archives inside it (the chart's workbook) opened too: their zip headers carry
 * modification times, which are dates like any other.
 */
function archiveParts(archive: Buffer, prefix = ''): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const [name, data] of readZipEntries(archive)) {
    if (name.endsWith('.xlsx')) for (const [inner, content] of archiveParts(data, `${prefix}${name}/`)) parts.set(inner, content);
    else parts.set(`${prefix}${name}`, data);
  }
  return parts;
}
const pdfDates = (files: Files) => [...files.get('.pdf')!.toString('latin1').matchAll(/\((D:\d{14}Z?[^)]*)\)/g)].map(([, date]) => date);

describe('rendering the same answers with the same brand twice', () => {
  it('writes all four formats', () => {
    for (const files of Object.values(runs)) expect([...files.keys()].sort()).toEqual([...FORMATS].sort());
  });

  it.each(FORMATS)('gives byte-identical %s files with SOURCE_DATE_EPOCH set', (extension) => {
    expect(runs.epochA.get(extension)!.equals(runs.epochB.get(extension)!)).toBe(true);
  });

  it.each(FORMATS)('gives byte-identical %s files with the plan date when SOURCE_DATE_EPOCH is unset', (extension) => {
    expect(runs.planDateA.get(extension)!.equals(runs.planDateB.get(extension)!)).toBe(true);
  });

  it('dates the documents from SOURCE_DATE_EPOCH, or from the plan date when it is unset', () => {
    expect(docxDates(runs.epochA)).toEqual([isoOf(EPOCHS.first), isoOf(EPOCHS.first)]);
    expect(docxDates(runs.planDateA)).toEqual([planDate, planDate]);
    expect(docxDates(runs.otherEpoch)).toEqual([isoOf(EPOCHS.second), isoOf(EPOCHS.second)]);
    expect(pdfDates(runs.epochA)).toEqual([pdfDateOf(isoOf(EPOCHS.first)), pdfDateOf(isoOf(EPOCHS.first))]);
    expect(pdfDates(runs.planDateA)).toEqual([pdfDateOf(planDate), pdfDateOf(planDate)]);
  });
});

describe('rendering with another SOURCE_DATE_EPOCH', () => {
  it('leaves the Markdown byte-identical', () => {
    expect(runs.otherEpoch.get('.md')!.equals(runs.epochA.get('.md')!)).toBe(true);
  });

  it('changes only the dates in the Word document', () => {
    const before = archiveParts(runs.epochA.get('.docx')!);
    const after = archiveParts(runs.otherEpoch.get('.docx')!);
    expect([...before.keys()].some((name) => name.includes('.xlsx/')), 'the chart workbook is compared part by part').toBe(true);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...before.keys()].filter((name) => !before.get(name)!.equals(after.get(name)!));
    expect(changed).toEqual(['docProps/core.xml']);
    const withoutDates = (xml: Buffer) => xml.toString('utf8').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g, '(date)');
    expect(withoutDates(after.get('docProps/core.xml')!)).toBe(withoutDates(before.get('docProps/core.xml')!));
  });

  it('changes only the dates, and the file identifier made from them, in the PDF', () => {
    const withoutDates = (pdf: Buffer) => pdf.toString('latin1')
      .replace(/\(D:\d{14}Z\)/g, '(date)')
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g, '(date)')
      .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '/ID (id)');
    const before = runs.epochA.get('.pdf')!;
    const after = runs.otherEpoch.get('.pdf')!;
    expect(after.equals(before)).toBe(false);
    expect(after.byteLength).toBe(before.byteLength);
    expect(withoutDates(after)).toBe(withoutDates(before));
  });
});
