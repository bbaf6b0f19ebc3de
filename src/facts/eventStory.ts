import type { DateEventKind } from './fact';

/** Events that move together: a release and a launch are the same plan; an unveiling is an event of its own (shown before it ships). */
function eventFamily(event: DateEventKind): string {
  return event === 'release' || event === 'launch' ? 'availability' : event;
}

/** Whether a later claim can move an earlier one: the same plan, or a postponement (it moves whatever event it postpones, never an announcement). */
export function sameStory(a: DateEventKind, b: DateEventKind): boolean {
  if (a === 'postponement' || b === 'postponement') return a !== 'announcement' && b !== 'announcement';
  return eventFamily(a) === eventFamily(b);
}
