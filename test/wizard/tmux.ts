// Drives a program in a real pseudo-terminal through tmux: type, press keys, and wait for text on the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

export class TmuxSession {
  /** A private tmux server, so tests never touch the user's own sessions. */
  private readonly socket = `opsplan-test-${process.pid}-${randomBytes(3).toString('hex')}`;
  /**
   * The first line not yet read: each wait looks only at lines below the previous match. Lines, not characters,
   * because a prompt rewrites its own line (and drops its error line) when answered, while the lines above stay put.
   */
  private line = 0;

  constructor(private readonly timeoutMs = 30_000) {}

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-u', '-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Starts `command` in a 200x50 terminal; the shell line after it prints "[exit N]" and keeps the pane open. */
  start(command: string, cwd: string, env: Record<string, string>): void {
    const exports = Object.entries(env).map(([name, value]) => `${name}=${shellQuote(value)}`).join(' ');
    this.line = 0;
    // The history limit applies to windows created after it is set, so it goes first, in the same tmux call.
    this.tmux('set-option', '-g', 'history-limit', '20000', ';',
      'new-session', '-d', '-x', '200', '-y', '50', '-c', cwd, `env ${exports} ${command}; echo "[exit $?]"; exec sleep 600`);
  }

  /** Everything printed so far, wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-E', '-');
  }

  /**
   * Waits until `text` appears below the previous match; returns the screen. `peek` leaves the reading position
   * where it was, for text that goes away again (a validation message disappears once the answer is accepted).
   */
  async waitFor(text: string | RegExp, { peek = false } = {}): Promise<string> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const screen = this.screen();
      const lines = screen.split('\n');
      const rest = lines.slice(this.line).join('\n');
      const index = typeof text === 'string' ? rest.indexOf(text) : text.exec(rest)?.index ?? -1;
      if (index !== -1) {
        if (!peek) this.line += rest.slice(0, index).split('\n').length;
        return screen;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; the screen ends with:\n${lines.slice(-25).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  /** Presses keys by name: Enter, Down, Space, C-c, C-u. */
  press(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  /** Waits for an active question ("? message") and answers it: text then Enter, or key names. */
  async answer(question: string, text: string, ...keys: string[]): Promise<void> {
    await this.waitFor(`? ${question}`);
    if (text !== '') this.type(text);
    this.press(...(keys.length > 0 ? keys : ['Enter']));
  }

  stop(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
    // tmux leaves its socket file behind; remove it so repeated runs do not litter the temporary folder.
    const uid = process.getuid?.() ?? 0;
    rmSync(path.join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${uid}`, this.socket), { force: true });
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
