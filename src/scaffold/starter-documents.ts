import { AWARENESS_TO_ADVOCACY } from './journey-templates.js';

/**
 * The three documents `init` puts in a new workspace: a worked example of every heading, meant
 * to be edited into the client's first persona, journey and market. They pass `check`; the
 * persona deliberately has no evidence, so `check` warns (evidence-missing) until the
 * consultant records the research it rests on.
 */
export const STARTER_PERSONA_ID = 'example-decision-maker';

export function starterPersona(): Record<string, unknown> {
  return {
    kind: 'persona',
    id: STARTER_PERSONA_ID,
    name: 'Example Decision-Maker',
    tagline: 'Replace me with your first real customer type',
    audience: 'external',
    roles: ['decision-maker', 'budget-holder'],
    about: {
      age: '40-55',
      job_title: 'Operations Director',
      experience: 'Ten years running operations at a mid-sized company',
      location: 'Head office',
    },
    personality: {
      traits: ['Pragmatic', 'Short of time'],
      communication: ['Prefers email to calls', 'Reads on a phone between meetings'],
    },
    goals: [
      { id: 'cut-costs', type: 'commercial', text: 'Cut operating costs by a tenth this year' },
      { id: 'recognition', type: 'personal', text: 'Be seen by the board as the one who fixed it' },
    ],
    challenges: [{ id: 'no-budget', type: 'resources', text: 'No new budget until next financial year' }],
    hangouts: [{ name: 'LinkedIn groups for operations leaders', type: 'social' }],
    value: [
      { text: 'A service that pays for itself within the year', addresses: ['cut-costs', 'no-budget'] },
      { text: 'Monthly results they can show the board', addresses: ['recognition'] },
    ],
    objections: [
      {
        text: 'We have no budget for this',
        type: 'budget',
        response: 'Start small on a monthly subscription that the savings cover',
      },
    ],
    messages: [
      { theme: 'cost', text: 'Spend less on operations, starting this quarter', channels: ['email', 'events'] },
    ],
  };
}

export const STARTER_PERSONA_TRAILER = [
  'evidence: the research this persona rests on. `personakit check` warns (evidence-missing)',
  'until you add it, for example:',
  'evidence:',
  '  - source: interview        # interview | survey | sales-team | crm | analytics | desk-research | workshop | other',
  '    date: YYYY-MM-DD',
  '    note: Interviewed five operations directors',
].join('\n');

export function starterJourney(clientName: string): Record<string, unknown> {
  return {
    kind: 'journey',
    id: 'example-journey',
    name: `Example Decision-Maker buys from ${clientName}`,
    personas: [STARTER_PERSONA_ID],
    ...structuredClone({
      stages: AWARENESS_TO_ADVOCACY.stages,
      sales_stages: AWARENESS_TO_ADVOCACY.sales_stages,
      milestones: AWARENESS_TO_ADVOCACY.milestones,
    }),
  };
}

export function starterMarket(): Record<string, unknown> {
  return {
    kind: 'market',
    id: 'example-market',
    name: 'Example market: mid-sized manufacturers',
    offering: 'Replace with what the client sells to this market',
    currency: 'GBP',
    criteria: {
      sectors: ['manufacturing', 'wholesale'],
      employees: { min: 50, max: 500 },
      regions: ['UK'],
      buys_category: true,
      problems: ['high operating costs'],
      buyer_personas: [STARTER_PERSONA_ID],
      incumbent: 'any',
    },
    fit: { threshold: 1, required: ['sectors', 'regions'] },
    accounts: [
      {
        name: 'Example Components Ltd',
        sector: 'manufacturing',
        employees: 120,
        region: 'UK',
        buys_category: true,
        problems: ['high operating costs'],
        annual_spend: 20000,
      },
    ],
    sizing: { total_companies: 2000, average_annual_spend: 20000, revenue_target: 1000000, max_share: 0.1 },
  };
}
