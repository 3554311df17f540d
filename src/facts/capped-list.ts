/** `a, b, c … and 7 more`: the shown items of a longer list, for messages that must stay short. */
export function examplesText(shown: readonly string[], total: number, separator = ', '): string {
  return total > shown.length ? `${shown.join(separator)} … and ${total - shown.length} more` : shown.join(separator);
}

/** At most `max` items, then `… and N more`. */
export function cappedList(items: readonly string[], max = 10): string {
  return examplesText(items.slice(0, max), items.length);
}
