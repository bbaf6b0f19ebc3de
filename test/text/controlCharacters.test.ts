import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, oneLine, stripControlCharacters, terminalSafeJson } from '../../src/text/controlCharacters';

const WINDOW_TITLE = '\u001b]0;pwned\u0007';
const ERASE_SCREEN = '\u001b[2J\u001b[H';

describe('stripControlCharacters', () => {
  it('GIVEN ANSI sequences (colour, erase, window title, hyperlink, C1 CSI) THEN they are removed whole and the text is kept', () => {
    expect(stripControlCharacters(`${WINDOW_TITLE}${ERASE_SCREEN}GPT-5 \u001b[31mannulé\u001b[0m ?`)).toBe('GPT-5 annulé ?');
    expect(stripControlCharacters('voir \u001b]8;;https://e.vil\u001b\\ce lien\u001b]8;;\u001b\\ ici')).toBe('voir ce lien ici');
    expect(stripControlCharacters('a\u009b2Jb')).toBe('ab');
  });

  it('GIVEN other control characters THEN bell, backspace, DEL and bidi overrides go, a carriage return ends a line, newlines and tabs stay', () => {
    expect(stripControlCharacters('bip\u0007 re\bcul\u007f\r\nligne 2\rlà\tfin')).toBe('bip recul\nligne 2\nlà\tfin');
    expect(stripControlCharacters('facture_\u202etxt.exe')).toBe('facture_txt.exe');
  });

  it('GIVEN ordinary French and English text THEN it is returned unchanged', () => {
    const text = 'L’A350-1000 entre en service « au printemps 2026 » — 100 € ; emoji 👍🏽 and zero\u200dwidth joiner.';
    expect(stripControlCharacters(text)).toBe(text);
  });
});

describe('oneLine and escapeControlCharacters', () => {
  it('GIVEN a title with line breaks and escapes THEN oneLine gives one clean line', () => {
    expect(oneLine(`  Titre\nsur deux\tlignes ${ERASE_SCREEN} `)).toBe('Titre sur deux lignes');
  });

  it('GIVEN a file name with a newline or an escape THEN it stays one line and nothing is lost', () => {
    expect(escapeControlCharacters('bad\nname.txt')).toBe('bad\\nname.txt');
    expect(escapeControlCharacters('\u001b[31mred.txt')).toBe('\\x1b[31mred.txt');
    expect(escapeControlCharacters('plain\\name.txt')).toBe('plain\\name.txt');
  });
});

describe('terminalSafeJson', () => {
  it('GIVEN strings with controls JSON.stringify leaves raw THEN they are escaped and the JSON parses back to the same value', () => {
    const value = { title: `a\u009b2Jb\u202e\u2028${ERASE_SCREEN}`, n: 1 };
    const json = terminalSafeJson(value);
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e\u2028]/u);
    expect(JSON.parse(json)).toEqual(value);
  });
});
