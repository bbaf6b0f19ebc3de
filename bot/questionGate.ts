import type { CommandContext } from './command';

/** Whether a question may go ahead, and how to give back what it cost if it is then refused. */
export type Admission = { ok: true; refund(): void } | { ok: false; reason: 'cooldown' | 'server-rate'; secondsLeft: number };

/**
 * Lets a question through the member's cooldown (the server's own, set with
 * /settings, or COOLDOWN_SECONDS) and then the server's question rate
 * (SERVER_QUESTIONS_PER_MINUTE); a question refused by the rate costs no cooldown.
 */
export function admitQuestion(context: Pick<CommandContext, 'cooldowns' | 'serverRate' | 'settings'>, userId: string, guildId: string | null): Admission {
  const cooldown = context.settings.get(guildId).cooldownSeconds ?? undefined;
  const coolingFor = context.cooldowns.take(userId, cooldown);
  if (coolingFor > 0) return { ok: false, reason: 'cooldown', secondsLeft: coolingFor };
  if (guildId !== null) {
    const busyFor = context.serverRate.take(guildId);
    if (busyFor > 0) {
      context.cooldowns.refund(userId);
      return { ok: false, reason: 'server-rate', secondsLeft: busyFor };
    }
  }
  return {
    ok: true,
    refund() {
      context.cooldowns.refund(userId);
      if (guildId !== null) context.serverRate.refund(guildId);
    },
  };
}
