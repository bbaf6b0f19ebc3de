import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands, commandsByName } from '../../commands';

describe('the commands registry', () => {
  const definitions = commands.map((command) => command.data.toJSON());

  it('GIVEN every command THEN its definition serialises to JSON Discord accepts the shape of', () => {
    for (const definition of definitions) {
      expect(definition.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(definition.description.length).toBeGreaterThan(0);
      expect(definition.description.length).toBeLessThanOrEqual(100);
      for (const option of definition.options ?? []) {
        expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
      expect(() => JSON.parse(JSON.stringify(definition))).not.toThrow();
    }
  });

  it('GIVEN the registry THEN names are unique and routing finds each command', () => {
    const names = definitions.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...commandsByName().keys()].sort()).toEqual([...names].sort());
  });

  it('GIVEN the issue THEN commands and option names are exactly as written', () => {
    const shape = Object.fromEntries(
      definitions.map((d) => [
        d.name,
        (d.options ?? []).map((o) => ({
          name: o.name,
          type: o.type,
          required: 'required' in o ? (o.required ?? false) : false,
          autocomplete: 'autocomplete' in o ? (o.autocomplete ?? false) : false,
        })),
      ]),
    );
    const text = ApplicationCommandOptionType.String;
    expect(shape).toEqual({
      ask: [{ name: 'question', type: text, required: true, autocomplete: false }],
      search: [{ name: 'query', type: text, required: true, autocomplete: false }],
      timeline: [{ name: 'subject', type: text, required: false, autocomplete: true }],
      partners: [{ name: 'company', type: text, required: true, autocomplete: true }],
      sources: [],
      help: [],
    });
  });

  it('GIVEN a command with an autocompleted option THEN it has an autocomplete handler', () => {
    for (const command of commands) {
      const wantsAutocomplete = (command.data.toJSON().options ?? []).some((o) => 'autocomplete' in o && o.autocomplete);
      expect(typeof command.autocomplete === 'function', command.data.name).toBe(wantsAutocomplete);
    }
  });
});
