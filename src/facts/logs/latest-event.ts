import type { EventObject } from '../../snapshot/objects.js';

/** The event seen last (by lastTimestamp; RFC 3339 strings sort in time order). */
export function latestEvent(events: readonly EventObject[]): EventObject | undefined {
  return events.reduce<EventObject | undefined>((a, b) => (!a || (b.lastTimestamp ?? '') > (a.lastTimestamp ?? '') ? b : a), undefined);
}
