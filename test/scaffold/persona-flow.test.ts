import { describe, expect, it } from 'vitest';
import { completenessOf } from '../../src/model/completeness.js';
import { validateAgainst } from '../../src/schema/validate.js';
import { AnswersAsker, documentFromAnswers } from '../../src/scaffold/answers-asker.js';
import type { FlowContext } from '../../src/scaffold/flow-context.js';
import { askPersona } from '../../src/scaffold/persona-flow.js';
import { PromptAsker } from '../../src/scaffold/prompt-asker.js';
import { scriptedPrompter, type ScriptEntry } from './scripted-prompter.js';

const ctx = (taken: string[] = []): FlowContext => ({ takenIds: new Set(taken), personaIds: [], today: '2026-06-01' });

/** A consultant filling all eight headings, with three typos the prompts catch. */
const FIONA: ScriptEntry[] = [
  [/name/, 'Finance Fiona'],
  [/^Id of this persona/, ''],
  [/Tagline/, 'Keeps the numbers honest'],
  [/Picture/, 'images/fiona.jpg'],
  [/outside your organisation/, ''],
  [/Roles/, ['budget-holder', 'decision-maker']],
  [/age/, '40-55'],
  '',
  '',
  '',
  [/where they live/, 'Leeds, UK'],
  [/job title/, 'Finance Director'],
  '',
  '',
  [/trait/, 'Cautious'],
  '',
  [/contacted/, 'Prefers email to calls'],
  '',
  [/add a goal/, true],
  [/The goal/, 'Close the books in three days'],
  [/Kind of goal/, 'comercial'],
  'commercial',
  [/Id of this goal/, ''],
  [/another goal/, false],
  [/add a challenge/, true],
  'Auditors found errors last year',
  'regulation',
  [/Id of this challenge/, 'close-the-books-in'],
  'audit-risk',
  false,
  [/add a place/, true],
  'ICAEW website',
  'website',
  [/https/, 'http://www.icaew.com'],
  'https://www.icaew.com',
  false,
  [/What we do for them: add/, true],
  'Automate reconciliations',
  [/Which of their goals/, ''],
  false,
  [/Objections/, true],
  'We are locked in to our ERP',
  [/Kind of objection/, 'supplier-lock-in'],
  [/answer it/, 'Works alongside your ERP'],
  false,
  [/Message: add/, true],
  [/Theme/, 'productivity'],
  'Spend month-end on analysis',
  [/Where this message/, 'email'],
  '',
  false,
  [/buying behaviour/, false],
  [/Evidence/, true],
  [/Kind of research/, 'interview'],
  [/When/, ''],
  [/Note/, ''],
  false,
];

describe('persona prompts', () => {
  it('asks the eight headings in order and builds a 100 % complete, schema-valid persona', async () => {
    const prompter = scriptedPrompter(FIONA);
    const persona = await askPersona(new PromptAsker(prompter), ctx());
    expect(prompter.remaining).toBe(0);
    expect(validateAgainst('persona', persona)).toEqual([]);
    expect(completenessOf(persona).percent).toBe(100);
    expect(persona).toMatchObject({
      kind: 'persona',
      id: 'finance-fiona',
      audience: 'external',
      about: { age: '40-55', location: 'Leeds, UK', job_title: 'Finance Director' },
      goals: [{ id: 'close-the-books-in', type: 'commercial' }],
      challenges: [{ id: 'audit-risk', type: 'regulation' }],
      value: [{ text: 'Automate reconciliations', addresses: ['close-the-books-in', 'audit-risk'] }],
      evidence: [{ source: 'interview', date: '2026-06-01' }],
    });
    // The order of the headings as asked.
    const firstOf = (re: RegExp) => prompter.asked.findIndex((m) => re.test(m));
    const order = [
      /About them/,
      /Personality/,
      /Goals/,
      /Challenges/,
      /Hangouts/,
      /What we do/,
      /Objections/,
      /Message:/,
    ].map(firstOf);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('rejects typed answers with the messages the schema would give, and re-asks', async () => {
    const prompter = scriptedPrompter(FIONA);
    await askPersona(new PromptAsker(prompter), ctx());
    expect(prompter.rejected).toEqual([
      'not a choice: comercial',
      '"close-the-books-in" is already used by another goal or challenge; choose another id',
      '"http://www.icaew.com" is not an https:// address; give one starting with https://',
    ]);
  });

  it('proposes an id that is unique in the workspace', async () => {
    const prompter = scriptedPrompter(['Zoë Müller', [/^Id of this persona/, '']]);
    const asker = new PromptAsker(prompter);
    await expect(askPersona(asker, ctx(['zoe-muller']))).rejects.toThrow(/ran out of answers/);
    expect(prompter.asked[1]).toMatch(/Id of this persona/);
    // The default offered was zoe-muller-2: accepting it passed validation (nothing rejected).
    expect(prompter.rejected).toEqual([]);
  });

  it('leaves headings out when the consultant declines them', async () => {
    const prompter = scriptedPrompter([
      'Lean Larry',
      '',
      '',
      '',
      '',
      [],
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    const persona = await askPersona(new PromptAsker(prompter), ctx());
    expect(persona).toEqual({ kind: 'persona', id: 'lean-larry', name: 'Lean Larry', audience: 'external' });
    expect(prompter.asked.some((m) => /What we do for them: add/.test(m))).toBe(false); // nothing to address
  });
});

describe('persona answers file', () => {
  const answers = (data: Record<string, unknown>) => new AnswersAsker({ source: 'answers.yaml', yes: false }, data);
  const personaFrom = (data: Record<string, unknown>) =>
    documentFromAnswers('persona', (a) => askPersona(a, ctx()), answers(data));

  it('takes the same answers as the prompts: the written persona read back gives the same persona', async () => {
    const persona = await askPersona(new PromptAsker(scriptedPrompter(FIONA)), ctx());
    const { kind: _kind, ...rest } = persona;
    expect(await personaFrom(rest)).toEqual(persona);
  });

  it.each([
    [
      {
        name: 'F',
        goals: [
          { text: 'a', type: 'commercial' },
          { text: 'b', type: 'comercial' },
        ],
      },
      'answers.yaml: goals[1].type: "comercial" is not one of commercial, personal, emotional (did you mean "commercial"?)',
    ],
    [{ tagline: 'x' }, "answers.yaml: name: missing; persona's name (e.g. Finance Fiona)"],
    [
      { name: 'F', about: { age: 'old' } },
      'answers.yaml: about.age: "old" is not an age; give years (e.g. 45) or a range (e.g. 40-55)',
    ],
    [{ name: 'F', id: 'Bad Id' }, 'answers.yaml: id: "Bad Id" is not an id'],
    [{ name: 'F', goal: [] }, 'answers.yaml: goal: not a known answer here (did you mean "goals"?)'],
    [
      { name: 'F', value: [{ text: 'x', addresses: ['y'] }] },
      'answers.yaml: value: says which goals and challenges we help with, but no goal or challenge was given',
    ],
    [
      { name: 'F', goals: [{ id: 'g', text: 'a', type: 'personal' }], value: [{ text: 'x', addresses: ['h'] }] },
      'answers.yaml: value[0].addresses[0]: "h" is not one of g',
    ],
    [
      { name: 'F', hangouts: [{ name: 'x', type: 'social', url: 'ftp://x' }] },
      'answers.yaml: hangouts[0].url: "ftp://x" is not an https:// address',
    ],
    [
      { name: 'F', evidence: [{ source: 'interview', date: '2026-02-30' }] },
      'answers.yaml: evidence[0].date: "2026-02-30" is not a date',
    ],
    [{ name: 'F', goals: { text: 'a' } }, 'answers.yaml: goals: expected a list'],
    [
      { name: 'F', personality: { traits: [['nested']] } },
      'answers.yaml: personality.traits[0]: expected a single value, found a list',
    ],
  ])('an invalid answer is a usage error naming the field: %j', async (data, message) => {
    await expect(personaFrom(data)).rejects.toThrow(message);
  });

  it('--yes fills each heading with a TODO placeholder: valid, but 0 % complete until filled in', async () => {
    const persona = await askPersona(new AnswersAsker({ source: '--yes', yes: true }), ctx(['new-persona']));
    expect(persona.id).toBe('new-persona-2');
    expect(validateAgainst('persona', persona)).toEqual([]);
    expect(completenessOf(persona).percent).toBe(0);
    expect(JSON.stringify(persona)).toContain('TODO: a goal in their words');
  });

  it('--yes with an answers file keeps the answers and fills the rest', async () => {
    const persona = await askPersona(
      new AnswersAsker(
        { source: 'a.yaml', yes: true },
        { name: 'Ops Olu', goals: [{ text: 'Ship on time', type: 'commercial' }] },
      ),
      ctx(),
    );
    expect(persona).toMatchObject({ id: 'ops-olu', goals: [{ id: 'ship-on-time', text: 'Ship on time' }] });
    expect((persona.value as Array<{ addresses: string[] }>)[0]!.addresses).toEqual([
      'ship-on-time',
      'todo-a-challenge-in',
    ]);
  });
});
