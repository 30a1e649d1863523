/**
 * A Markdown page as a reader's editor shows it. The templates put a blank line on each side of a
 * section, so a section left out (no data for it, or the client audience) leaves blank lines in a
 * row. Markdown reads such a run as one blank line except inside code, so runs are folded to one
 * everywhere else: not inside a ``` or ~~~ fence, and not before an indented line (the run could
 * belong to an indented code block). Blank lines at the end go, but not the final newline (nor is
 * one added: an overriding template's page ends as its author wrote it).
 */
export function tidyMarkdown(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: { char: string; length: number } | undefined;
  let blanks: string[] = [];
  for (const line of lines) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (opening?.[0] === fence.char && opening.length >= fence.length && line.trim() === opening) fence = undefined;
      out.push(line);
      continue;
    }
    if (line.trim() === '') {
      blanks.push(line);
      continue;
    }
    if (blanks.length > 0) out.push(...(/^( {4}|\t)/.test(line) ? blanks : ['']));
    blanks = [];
    if (opening) fence = { char: opening[0]!, length: opening.length };
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1]!.trim() === '' && !fence) out.pop();
  return out.length > 0 && markdown.endsWith('\n') ? `${out.join('\n')}\n` : out.join('\n');
}
