/** `word`, or its plural for any count but one ("1 error", "2 errors"). */
export function plural(count: number, word: string, pluralForm = `${word}s`): string {
  return count === 1 ? word : pluralForm;
}

/** The count and its word: "1 stage", "9 stages", "1 criterion", "3 criteria". */
export function counted(count: number, word: string, pluralForm = `${word}s`): string {
  return `${count} ${plural(count, word, pluralForm)}`;
}
