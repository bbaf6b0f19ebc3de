import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  const core = sourceFiles('src');

  it('the core in src/ never imports discord.js', () => {
    const offenders = core.filter((file) => /from ['"](discord\.js|@discordjs\/)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('only the process entry points read process.env; everything else gets the parsed config', () => {
    const entryPoints = new Set(['src/cli/cliIo.ts', 'bot/start.ts']);
    const readers = [...core, ...sourceFiles('bot'), ...sourceFiles('commands')].filter(
      (file) => !entryPoints.has(file) && /process\.env/.test(readFileSync(file, 'utf8')),
    );
    expect(readers).toEqual([]);
  });

  it('the seed article ships byte for byte', () => {
    const shipped = readFileSync('seeds/000_f20889ff108f9afa.txt');
    expect(createHash('sha256').update(shipped).digest('hex')).toBe('7ffa3bb3d498573ef6c873fca4f4de419980042d71aa37348aae1848d4ec7df9');
  });
});
