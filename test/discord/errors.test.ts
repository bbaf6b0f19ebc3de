import { SlashCommandBuilder } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { APOLOGY } from '../../bot/replyWithError';
import { commands } from '../../commands';
import type { Command } from '../../bot/command';
import { startBot, type RunningBot } from './botHarness';
import { FakeScoop } from './fakeScoop';

const throwsAtOnce = {
  data: new SlashCommandBuilder().setName('explode').setDescription('Throws before answering'),
  async execute() {
    throw new TypeError('cannot read properties of undefined');
  },
} satisfies Command;

const throwsAfterReplying = {
  data: new SlashCommandBuilder().setName('halfway').setDescription('Replies, then throws'),
  async execute(interaction) {
    await interaction.reply({ content: 'Working on it', allowedMentions: { parse: [] } });
    throw new Error('lost the connection to the index');
  },
} satisfies Command;

describe('a handler that throws', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN a throw before any reply THEN an ephemeral apology, the error logged with context, and the bot keeps serving', async () => {
    running = await startBot(new FakeScoop(), { commands: [...commands, throwsAtOnce] });
    const { fake, logs } = running;
    const reply = await fake.callbackOf(fake.slashCommand('explode'));
    expect(reply.body).toMatchObject({ type: 4, data: { content: APOLOGY, flags: 64, allowed_mentions: { parse: [] } } });
    expect(logs.find((l) => l.msg === 'interaction failed')).toMatchObject({ command: 'explode', guild: fake.guildId, err: { type: 'TypeError' } });
    const next = await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    expect(next.body.embeds[0].fields).toHaveLength(2);
  });

  it('GIVEN a throw after replying THEN the apology is an ephemeral follow-up', async () => {
    running = await startBot(new FakeScoop(), { commands: [...commands, throwsAfterReplying] });
    const { fake } = running;
    const sent = fake.slashCommand('halfway');
    const followUp = await fake.followUpOf(sent);
    expect(followUp.body).toMatchObject({ content: APOLOGY, flags: 64, allowed_mentions: { parse: [] } });
  });

  it('GIVEN a command Discord knows but the bot does not THEN the user is told, ephemerally', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.slashCommand('weather'));
    expect(reply.body.data).toMatchObject({ flags: 64, content: "I don't know the command /weather; try /help." });
  });
});
