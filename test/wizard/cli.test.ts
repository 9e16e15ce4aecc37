// The wizard from the command line without a terminal: one clear line and exit code 2 instead of hanging.
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';

describe('opsplan wizard without a terminal', () => {
  it('says it needs a terminal, points at `opsplan render`, and exits 2', () => {
    const result = runCli(['wizard', 'plan.yaml', '--lang', 'en'], { cwd: scratchDir(), env: { CI: 'true' } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'opsplan: the wizard needs a terminal to ask its questions. Without one, fill in an answers file (see examples/) and run `opsplan render <answers>`.',
    ]);
  });

  it('says so in Chinese for a Chinese user', () => {
    const result = runCli(['wizard'], { cwd: scratchDir(), env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('向导需要在终端中运行才能提问');
    expect(result.stderr).toContain('opsplan render <答案文件>');
  });

  it('prints the help and the same message when started with no arguments', () => {
    const result = runCli([], { cwd: scratchDir(), env: { LANG: 'en_US.UTF-8', LC_ALL: '' } });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('Usage: opsplan [options] [command]');
    expect(result.stdout).toMatch(/wizard \[options\] \[answers\]/);
    expect(result.stderr).toContain('the wizard needs a terminal');
  });

  it('still prints the help with --help, and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/wizard \[options\] \[answers\]/);
    const wizardHelp = runCli(['wizard', '--help']);
    expect(wizardHelp.status).toBe(0);
    expect(wizardHelp.stdout).toContain('--section <n>');
    expect(wizardHelp.stdout).toContain('--lang <language>');
  });

  it('refuses an unknown language or section with exit code 2', () => {
    const language = runCli(['wizard', '--lang', 'fr']);
    expect(language.status).toBe(2);
    expect(language.stderr).toContain('unknown language "fr"');
    const section = runCli(['wizard', '--section', '9']);
    expect(section.status).toBe(2);
    expect(section.stderr).toContain('unknown section "9"');
  });
});
