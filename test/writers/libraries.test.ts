// pdfkit with the parts a plan does not use loaded on first use: those parts still work when something uses them.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requirePdfkit } from '../../src/writers/libraries.js';
import { run, scratchDir } from '../helpers.js';

function pdfBytes(document: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}

describe('pdfkit with deferred parts', () => {
  it('still wraps text with its own line breaker and encrypts with the full cipher library', async () => {
    const PDFDocument = requirePdfkit();
    const document = new PDFDocument({ userPassword: 'open sesame', ownerPassword: 'owner', pdfVersion: '1.7' });
    const words = 'Quarterly followers grow when every post answers a question customers actually ask.';
    document.text(words, 72, 72, { width: 120 });
    const file = path.join(scratchDir(), 'encrypted.pdf');
    writeFileSync(file, await pdfBytes(document));

    run('qpdf', ['--check', '--password=open sesame', file]);
    expect(run('qpdf', ['--show-encryption', '--password=open sesame', file])).toMatch(/R = 4|R = 3|AESv2|RC4/);
    const text = run('pdftotext', ['-upw', 'open sesame', file, '-']);
    // Wrapped at 120 pt: the sentence comes out over several lines, every word intact.
    expect(text.trim().split('\n').length).toBeGreaterThan(3);
    expect(text.replace(/\s+/g, ' ').trim()).toBe(words);
  });

  it('hands pdfkit a crypto-js whose every algorithm gives the standard digests', () => {
    requirePdfkit();
    const cryptoJs = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('crypto-js') as Record<string, (text: string) => { toString(): string }>;
    const expected = (algorithm: string) => createHash(algorithm).update('plan').digest('hex');
    expect(cryptoJs.MD5!('plan').toString()).toBe(expected('md5'));
    expect(cryptoJs.SHA256!('plan').toString()).toBe(expected('sha256'));
    expect(cryptoJs.SHA1!('plan').toString()).toBe(expected('sha1'));
  });
});
