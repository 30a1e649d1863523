/** `word`, or its plural for any count but one ("1 error", "2 errors"). */
export function plural(count: number, word: string, pluralForm = `${word}s`): string {
  return count === 1 ? word : pluralForm;
}
