import type { DateEventKind } from './fact';

/** Events that move together: a release and a launch are the same plan; an unveiling is an event of its own (shown before it ships). */
function eventFamily(event: DateEventKind): string {
  return event === 'release' || event === 'launch' ? 'availability' : event;
}

/** Events held on their day: two dates of them are two events (two rounds, two countries' elections, two matches), moved by a postponement only. */
const HELD_ON_THEIR_DAY: ReadonlySet<DateEventKind> = new Set(['election', 'match']);

/** Whether a later claim can move an earlier one: the same plan, or a postponement (it moves whatever event it postpones, never an announcement). */
export function sameStory(a: DateEventKind, b: DateEventKind): boolean {
  if (a === 'postponement' || b === 'postponement') return a !== 'announcement' && b !== 'announcement';
  if (HELD_ON_THEIR_DAY.has(a) && HELD_ON_THEIR_DAY.has(b)) return false;
  return eventFamily(a) === eventFamily(b);
}

/** When a product is shown or announced, and when it can be had: a date of one role does not answer a question about the other. */
const ROLES: ReadonlyArray<ReadonlySet<DateEventKind>> = [new Set(['unveiling', 'announcement']), new Set(['release', 'launch', 'deployment'])];

/** Whether `a` and `b` are events of the two different roles of a product's story (an unveiling and a release, say). */
export function otherRoles(a: DateEventKind, b: DateEventKind): boolean {
  const roleOf = (event: DateEventKind) => ROLES.findIndex((role) => role.has(event));
  return roleOf(a) >= 0 && roleOf(b) >= 0 && roleOf(a) !== roleOf(b);
}
