import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from '../support/run-bin.js';

/** A persona that fills every heading, for render tests that need a clean document. */
export function persona(id: string, extra = ''): string {
  return `kind: persona
id: ${id}
name: Persona ${id}
roles: [user]
about: { job_title: Planner }
personality: { traits: [calm] }
goals: [{ id: g1, type: commercial, text: Goal }]
challenges: [{ id: c1, type: resources, text: Challenge }]
hangouts: [{ name: Forum, type: community }]
value: [{ text: Help, addresses: [g1, c1] }]
objections: [{ text: No time }]
messages: [{ theme: cost, text: Cheaper }]
evidence: [{ source: interview, date: 2026-11-01 }]
${extra}`;
}

/** Write a workspace (personakit.yaml with completeness 0 unless given) into a fresh temp folder. */
export async function workspace(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await makeTempDir('personakit-render-ws-');
  const all = { 'personakit.yaml': 'name: Test workspace\ncompleteness: { min: 0 }\n', ...files };
  for (const [name, content] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A persona whose lists all run past what its card shows, each text as long as the longest of its
 * kind in examples/ (goals 98 characters, challenges 99, objections 74, responses 128, messages 117).
 */
export function longPersona(id: string): string {
  const words = 'Cut the waiting time charges across every site by a third within the year and keep them down '.repeat(
    3,
  );
  const t = (n: number) => JSON.stringify(words.slice(0, n).trim());
  const list = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join('\n');
  return `kind: persona
id: ${id}
name: Procurement Manager Philippa
tagline: ${t(64)}
roles: [decision-maker, budget-holder, influencer]
about: { job_title: Head of Procurement }
goals:
${list(6, (i) => `  - { id: g${i}, type: commercial, text: ${t(98)} }`)}
challenges:
${list(6, (i) => `  - { id: c${i}, type: competition, text: ${t(99)} }`)}
objections:
${list(5, () => `  - { type: supplier-lock-in, text: ${t(74)}, response: ${t(128)} }`)}
messages:
${list(5, () => `  - { theme: productivity, text: ${t(117)}, channels: [sales-meeting, email] }`)}
`;
}
