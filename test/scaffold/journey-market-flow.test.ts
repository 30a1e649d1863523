import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../src/schema/validate.js';
import { AnswersAsker, documentFromAnswers } from '../../src/scaffold/answers-asker.js';
import type { FlowContext } from '../../src/scaffold/flow-context.js';
import { askJourney } from '../../src/scaffold/journey-flow.js';
import { JOURNEY_TEMPLATES } from '../../src/scaffold/journey-templates.js';
import { askMarket } from '../../src/scaffold/market-flow.js';
import { PromptAsker } from '../../src/scaffold/prompt-asker.js';
import { scriptedPrompter } from './scripted-prompter.js';

const ctx = (personaIds: string[] = ['finance-fiona', 'ops-olu']): FlowContext => ({
  takenIds: new Set(),
  personaIds,
  today: '2026-06-01',
});
const answers = (data: Record<string, unknown>, yes = false) => new AnswersAsker({ source: 'answers.yaml', yes }, data);
/** The document an answers file makes, or the UsageError listing its problems. */
const journeyFrom = (data: Record<string, unknown>, yes = false, personaIds?: string[]) =>
  documentFromAnswers('journey', (a) => askJourney(a, ctx(personaIds)), answers(data, yes));
const marketFrom = (data: Record<string, unknown>, yes = false, personaIds?: string[]) =>
  documentFromAnswers('market', (a) => askMarket(a, ctx(personaIds)), answers(data, yes));

describe('journey templates', () => {
  it.each(JOURNEY_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s covers every buying stage with a sales stage, in order, through all three phases',
    (_id, template) => {
      const stageIds = template.stages.map((s) => s.id);
      const aligned = template.sales_stages.flatMap((s) => s.aligns_with as string[]);
      expect(aligned).toEqual(stageIds); // each stage once, never crossing
      expect(new Set(template.stages.map((s) => s.phase))).toEqual(new Set(['exposure', 'adoption', 'retention']));
      expect(template.sales_stages[0]!.id).toBe('addressable-market');
    },
  );

  it('offers the nine-stage journey and the seven-stage B2B process', () => {
    expect(JOURNEY_TEMPLATES.map((t) => [t.id, t.stages.length, t.sales_stages.length])).toEqual([
      ['awareness-to-advocacy', 9, 7],
      ['b2b-seven-stages', 7, 7],
    ]);
  });
});

describe('journey prompts', () => {
  it('builds a journey from a template for the personas picked', async () => {
    const prompter = scriptedPrompter([
      [/name/, 'A CFO buys automation'],
      '',
      [/Which personas/, ['finance-fiona']],
      [/Start from/, 'b2b-seven-stages'],
    ]);
    const journey = await askJourney(new PromptAsker(prompter), ctx());
    expect(validateAgainst('journey', journey)).toEqual([]);
    expect(journey).toMatchObject({ id: 'a-cfo-buys-automation', personas: ['finance-fiona'] });
    expect((journey.stages as unknown[]).length).toBe(7);
  });

  it('with a blank start, asks stages, aligned sales stages and milestones', async () => {
    const prompter = scriptedPrompter([
      'Quick buy',
      '',
      ['ops-olu'],
      [/Start from/, 'blank'],
      [/Buying stage/, 'Becomes aware'],
      '',
      [/Phase/, 'exposure'],
      [/feels/, '3'],
      '-1',
      [/wants/, ''],
      [/question the customer asks/, ''],
      [/communicate/, 'It is common'],
      [/Add a touchpoint/, true],
      'web',
      '',
      '',
      false,
      [/another buying stage/, true],
      'Buys',
      '',
      [/Phase/, 'adoption'],
      '',
      '',
      '',
      'Thanks',
      true,
      'email',
      '',
      '',
      false,
      [/another buying stage/, true],
      'Renews',
      '',
      [/Phase/, 'exposure'],
      'retention',
      '',
      '',
      '',
      'Results',
      true,
      'phone',
      '',
      '',
      false,
      [/another buying stage/, false],
      [/sales stages/, true],
      'Addressable market',
      '',
      [/Which buying stages/, ''],
      [/seller does/, ''],
      [/leave this stage/, ''],
      '',
      [/another sales stage/, true],
      'Close',
      '',
      [/Which buying stages/, ['buys', 'renews']],
      [/seller does/, 'Proposal'],
      '',
      [/leave this stage/, 'Contract signed'],
      '',
      'sales',
      false,
      [/milestone/, true],
      'First order',
      '',
      [/At which/, 'buys'],
      [/celebrate/, true],
      'email',
      'Thank you',
      false,
    ]);
    const journey = await askJourney(new PromptAsker(prompter), ctx());
    expect(prompter.remaining).toBe(0);
    expect(prompter.rejected).toEqual(['3 is out of range; give -2 to 2', 'not a choice: exposure']);
    expect(validateAgainst('journey', journey)).toEqual([]);
    expect(journey.sales_stages).toEqual([
      { id: 'addressable-market', name: 'Addressable market', aligns_with: ['becomes-aware'] },
      {
        id: 'close',
        name: 'Close',
        aligns_with: ['buys', 'renews'],
        activities: ['Proposal'],
        exit_criteria: ['Contract signed'],
        owner: 'sales',
      },
    ]);
    expect(journey.milestones).toEqual([
      {
        id: 'first-order',
        stage: 'buys',
        trigger: 'First order',
        celebrate: { channel: 'email', message: 'Thank you' },
      },
    ]);
  });
});

describe('journey answers file', () => {
  it.each([
    [{ name: 'J', personas: ['nobody'] }, 'answers.yaml: personas[0]: "nobody" is not one of finance-fiona, ops-olu'],
    [
      { name: 'J', personas: ['ops-olu'], template: 'nine' },
      'answers.yaml: template: "nine" is not one of awareness-to-advocacy, b2b-seven-stages, blank',
    ],
    [
      {
        name: 'J',
        personas: ['ops-olu'],
        template: 'awareness-to-advocacy',
        stages: [{ name: 'A', phase: 'exposure' }],
      },
      'answers.yaml: stages: comes from the template "awareness-to-advocacy"; use template: blank',
    ],
    [{ name: 'J', personas: ['ops-olu'], stages: [] }, 'answers.yaml: stages: give at least 1 buying stage'],
    [{ name: 'J', personas: ['ops-olu'], template: 'blank' }, 'answers.yaml: stages: give at least 1 buying stage'],
    [
      {
        name: 'J',
        personas: ['ops-olu'],
        template: 'blank',
        stages: [
          { name: 'A', phase: 'adoption' },
          { name: 'B', phase: 'exposure' },
        ],
      },
      'answers.yaml: stages[1].phase: "exposure" is not one of adoption, retention',
    ],
    [
      {
        name: 'J',
        personas: ['ops-olu'],
        template: 'blank',
        stages: [{ name: 'A', phase: 'exposure' }],
        milestones: [{ trigger: 't', stage: 'b' }],
      },
      'answers.yaml: milestones[0].stage: "b" is not one of a',
    ],
  ])('an invalid answer names the field: %j', async (data, message) => {
    await expect(journeyFrom(data)).rejects.toThrow(message);
  });

  it('without personas in the workspace, takes persona ids as typed', async () => {
    const journey = await journeyFrom({ name: 'J', personas: ['later-lee'] }, false, []);
    expect(journey.personas).toEqual(['later-lee']);
    await expect(journeyFrom({ name: 'J' }, true, [])).rejects.toThrow(
      'answers.yaml: personas: give at least 1 persona id',
    );
  });

  it('--yes takes the nine-stage template and the first persona', async () => {
    const journey = await journeyFrom({}, true);
    expect(journey).toMatchObject({ id: 'new-journey', personas: ['finance-fiona'] });
    expect(validateAgainst('journey', journey)).toEqual([]);
  });
});

describe('market prompts and answers', () => {
  it('asks for criteria, fit and sizing', async () => {
    const prompter = scriptedPrompter([
      'UK finance teams',
      '',
      [/sell/, 'Automation'],
      [/Currency/, 'gbp'],
      [/sector/, 'manufacturing'],
      '',
      [/fewest employees/, '50'],
      [/most employees/, '10'],
      '500',
      [/fewest yearly/, ''],
      '',
      [/region/, 'UK'],
      '',
      [/growth stage/, ''],
      [/normally buy/, ''],
      [/problem/, 'slow month-end'],
      '',
      [/personas usually/, ['finance-fiona']],
      [/competitor/, 'none'],
      [/strictly/, true],
      [/Share of the scored/, '0.75'],
      [/must match/, ['sectors']],
      [/data for to be ranked/, ''],
      [/Size the market/, true],
      '1000',
      '20000',
      '500000',
      '',
      [/CSV/, ''],
    ]);
    const market = await askMarket(new PromptAsker(prompter), ctx());
    expect(prompter.rejected).toEqual(['must be at least the minimum, 50']);
    expect(validateAgainst('market', market)).toEqual([]);
    expect(market).toEqual({
      kind: 'market',
      id: 'uk-finance-teams',
      name: 'UK finance teams',
      offering: 'Automation',
      currency: 'GBP',
      criteria: {
        sectors: ['manufacturing'],
        employees: { min: 50, max: 500 },
        regions: ['UK'],
        buys_category: true,
        problems: ['slow month-end'],
        buyer_personas: ['finance-fiona'],
        incumbent: 'none',
      },
      fit: { threshold: 0.75, required: ['sectors'] },
      sizing: { total_companies: 1000, average_annual_spend: 20000, revenue_target: 500000 },
    });
  });

  it.each([
    [
      { name: 'M', fit: { required: ['regions'] } },
      'answers.yaml: fit.required[0]: "regions" is not one of buys_category',
    ],
    [
      { name: 'M', criteria: { sectors: ['x'], buys_category: false }, fit: { required: ['buyer_personas'] } },
      'answers.yaml: fit.required[0]: "buyer_personas" is not one of sectors',
    ],
    [{ name: 'M', currency: 'pounds' }, 'answers.yaml: currency: "pounds" is not a currency code'],
    [{ name: 'M', sizing: { max_share: 0 } }, 'answers.yaml: sizing.max_share: 0 is too small; give more than 0'],
    [
      { name: 'M', criteria: { employees: { min: 'many' } } },
      'answers.yaml: criteria.employees.min: "many" is not a whole number',
    ],
  ])('an invalid answer names the field: %j', async (data, message) => {
    await expect(marketFrom(data)).rejects.toThrow(message);
  });

  it('--yes makes a market whose only criterion is that companies buy the category', async () => {
    const market = await marketFrom({}, true, []);
    expect(market).toEqual({ kind: 'market', id: 'new-market', name: 'New market', criteria: { buys_category: true } });
    expect(validateAgainst('market', market)).toEqual([]);
  });
});
