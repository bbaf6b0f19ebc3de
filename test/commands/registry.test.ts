import { ApplicationCommandOptionType, ApplicationCommandType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandsByName } from '../../bot/interactionRouter';
import { commands } from '../../commands';

describe('the commands registry', () => {
  const definitions = commands.map((command) => command.data.toJSON());
  const slash = definitions.filter((d) => (d.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput);

  it('GIVEN every slash command THEN its definition serialises to JSON Discord accepts the shape of', () => {
    for (const definition of slash) {
      if (!('description' in definition)) throw new Error(`${definition.name} has no description`);
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

  it('GIVEN the "Ask Scoop" message command THEN it is a type 3 command with a name of up to 32 characters and no description', () => {
    const askScoop = definitions.find((d) => d.name === 'Ask Scoop');
    expect(askScoop).toMatchObject({ type: ApplicationCommandType.Message });
    expect(askScoop && 'description' in askScoop ? askScoop.description : '').toBe('');
    expect(JSON.parse(JSON.stringify(askScoop)).name).toBe('Ask Scoop');
  });

  it('GIVEN the registry THEN names are unique and routing finds each command', () => {
    const names = definitions.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...commandsByName(commands).keys()].sort()).toEqual([...names].sort());
  });

  it('GIVEN the issue THEN commands and option names are exactly as written', () => {
    const shape = Object.fromEntries(
      slash.map((d) => [
        d.name,
        ('options' in d ? (d.options ?? []) : []).map((o) => ({
          name: o.name,
          type: o.type,
          required: 'required' in o ? (o.required ?? false) : false,
          autocomplete: 'autocomplete' in o ? (o.autocomplete ?? false) : false,
        })),
      ]),
    );
    const text = ApplicationCommandOptionType.String;
    expect(shape).toMatchObject({
      ask: [
        { name: 'question', type: text, required: true, autocomplete: false },
        { name: 'thread', type: ApplicationCommandOptionType.Boolean, required: false, autocomplete: false },
      ],
      search: [{ name: 'query', type: text, required: true, autocomplete: false }],
      timeline: [{ name: 'subject', type: text, required: false, autocomplete: true }],
      partners: [{ name: 'company', type: text, required: true, autocomplete: true }],
      sources: [],
      help: [],
    });
  });

  it('GIVEN a command with an autocompleted option THEN it has an autocomplete handler', () => {
    for (const command of commands) {
      const json = command.data.toJSON();
      const wantsAutocomplete = ('options' in json ? (json.options ?? []) : []).some((o) => 'autocomplete' in o && o.autocomplete);
      const hasHandler = command.kind !== 'message' && typeof command.autocomplete === 'function';
      expect(hasHandler, command.data.name).toBe(wantsAutocomplete);
    }
  });

  /** Reader commands: installable by servers and users, usable in servers, bot DMs and private channels. */
  const READER_COMMANDS = ['ask', 'search', 'timeline', 'partners', 'sources', 'help', 'Ask Scoop', 'latest'];
  /** Server-management commands: guild install and guild context only, Manage Server by default. */
  const MANAGEMENT_COMMANDS = ['settings', 'feeds', 'ingest'];

  it('GIVEN every command THEN it says where it may be installed and where it may be used', () => {
    for (const definition of definitions) {
      expect(definition.integration_types?.length, definition.name).toBeGreaterThan(0);
      expect(definition.contexts?.length, definition.name).toBeGreaterThan(0);
    }
  });

  it('GIVEN a reader command THEN guild and user install, in servers, bot DMs and private channels, open to everyone', () => {
    for (const name of READER_COMMANDS) {
      const definition = definitions.find((d) => d.name === name);
      expect(definition, name).toBeDefined();
      expect(definition!.integration_types, name).toEqual([0, 1]);
      expect(definition!.contexts, name).toEqual([0, 1, 2]);
      expect(definition!.default_member_permissions ?? null, name).toBeNull();
    }
  });

  it('GIVEN a server-management command THEN guild-only, never user-installable, for members who can manage the server', () => {
    const present = definitions.filter((d) => MANAGEMENT_COMMANDS.includes(d.name));
    expect(present.map((d) => d.name)).toContain('settings');
    for (const definition of present) {
      expect(definition.integration_types, definition.name).toEqual([0]);
      expect(definition.contexts, definition.name).toEqual([0]);
      expect(definition.default_member_permissions, definition.name).toBe(PermissionFlagsBits.ManageGuild.toString());
    }
  });

  it('GIVEN a command that is neither a reader nor a management command THEN it is never user-installable without saying so here', () => {
    const unlisted = definitions.filter((d) => !READER_COMMANDS.includes(d.name) && !MANAGEMENT_COMMANDS.includes(d.name));
    for (const definition of unlisted) expect(definition.integration_types, definition.name).toEqual([0]);
  });
});
