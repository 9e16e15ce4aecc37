// Saves an answers file through the wizard's own save, alternating two versions, until the test kills it.
// Usage: node saveLoop.mjs <dist folder> <answers file> <first version .json> <second version .json>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const [dist, file, first, second] = process.argv.slice(2);
const { AnswersFile } = await import(pathToFileURL(path.join(dist, 'wizard', 'answersFile.js')).href);
const versions = [first, second].map((version) => readFileSync(version, 'utf8'));
const answers = await AnswersFile.open(file, 'Answers saved by the durability test.');
// The first save changes the file: it writes the version the file does not hold.
const start = isDeepStrictEqual(answers.answers(), JSON.parse(versions[0])) ? 1 : 0;
process.stdout.write('ready\n');
// A bound on the loop, so a test that dies before killing this process does not leave it running.
const until = Date.now() + 60_000;
for (let save = 0; save < 1000 && Date.now() < until; save += 1) {
  await answers.save(JSON.parse(versions[(start + save) % 2]));
  process.stdout.write(`saved ${save}\n`);
}
