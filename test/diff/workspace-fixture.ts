/**
 * Two revisions of one workspace with each kind of change `personakit diff` reports: the base,
 * and the edits that make the head.
 */
export const SETTINGS = 'name: Diff test\npaths: [personas, journeys, markets]\nevidence:\n  maxAgeDays: 36500\n';

const persona = (id: string, name: string, extra = '') => `kind: persona
id: ${id}
name: ${name}
roles: [budget-holder]
about:
  job_title: Finance director
personality:
  traits: [careful]
goals:
  - id: close-faster
    type: commercial
    text: Close the books in three days
challenges:
  - id: audit-risk
    type: regulation
    text: Auditors question every manual journal
value:
  - text: Automate reconciliations
    addresses: [close-faster, audit-risk]
objections:
  - text: Locked in to a three-year ERP contract
    type: supplier-lock-in
messages:
  - theme: productivity
    text: Close in days, not weeks
evidence:
  - source: interview
    date: 2025-05-01
${extra}`;

const HANGOUTS = 'hangouts:\n  - name: Finance forum\n    type: community\n';

export const BASE: Record<string, string> = {
  'personakit.yaml': SETTINGS,
  'personas/fiona.yaml': persona('finance-fiona', 'Finance Fiona'),
  'personas/gary.yaml': persona('gary-gatekeeper', 'Gary the Gatekeeper', HANGOUTS),
  'personas/olga.yaml': persona('old-olga', 'Old Olga', HANGOUTS),
  'personas/mover.yaml': persona('moving-mo', 'Moving Mo', HANGOUTS),
  'personas/broken-later.yaml': persona('broken-bea', 'Broken Bea', HANGOUTS),
  'journeys/buy.yaml': `kind: journey
id: cfo-buys
name: A CFO buys
personas: [finance-fiona, gary-gatekeeper, old-olga, moving-mo, broken-bea]
stages:
  - id: aware
    name: Becomes aware
    phase: exposure
    emotion: 0
    message: Hello
    touchpoints: [{ channel: web }]
  - id: choose
    name: Chooses
    phase: adoption
    emotion: 1
    message: Choose us
    touchpoints: [{ channel: web }]
  - id: trust
    name: Comes to trust
    phase: retention
    emotion: 2
    message: Thanks
    touchpoints: [{ channel: email }]
sales_stages:
  - id: prospect
    name: Prospect
    aligns_with: [aware]
  - id: close
    name: Close
    aligns_with: [choose]
  - id: care
    name: Care
    aligns_with: [trust]
milestones:
  - id: first-close
    stage: choose
    trigger: The first month-end closed in three days
`,
  'markets/uk.yaml': `kind: market
id: uk-finance
name: UK finance teams
currency: GBP
criteria:
  sectors: [logistics, retail]
  employees: { min: 100, max: 1000 }
fit:
  threshold: 1
accounts:
  - name: Northwind Ltd
    sector: logistics
    employees: 400
    annual_spend: 1000
  - name: Southwind Ltd
    sector: retail
    employees: 2000
    annual_spend: 2000
sizing:
  revenue_target: 100
`,
};

/** The head: every kind of change, applied to a copy of BASE. */
export function headFiles(): { write: Record<string, string>; remove: string[]; move: Array<[string, string]> } {
  const fiona = BASE['personas/fiona.yaml']! // a goal added, a challenge reworded, an objection removed, a heading filled, a role added, newer evidence
    .replace('roles: [budget-holder]', 'roles: [budget-holder, decision-maker]')
    .replace('goals:\n', 'goals:\n  - id: cut-costs\n    type: commercial\n    text: Cut the cost of the close\n')
    .replace('Auditors question every manual journal', 'Auditors question every single manual journal')
    .replace('objections:\n  - text: Locked in to a three-year ERP contract\n    type: supplier-lock-in\n', '')
    .replace('evidence:\n', `${HANGOUTS}evidence:\n  - source: survey\n    date: 2026-01-15\n`);
  const gary = BASE['personas/gary.yaml']!.replace('id: gary-gatekeeper', 'id: gareth-gatekeeper');
  const journey = BASE['journeys/buy.yaml']!.replace(
    'personas: [finance-fiona, gary-gatekeeper,',
    'personas: [finance-fiona, gareth-gatekeeper, nina-new,',
  )
    .replace('    phase: retention\n    emotion: 2', '    phase: adoption\n    emotion: -1')
    .replace(
      '  - id: care\n    name: Care\n    aligns_with: [trust]\n',
      '  - id: care\n    name: Care\n    aligns_with: [aware]\n',
    )
    .replace(
      '    trigger: The first month-end closed in three days\n',
      '    trigger: The first month-end closed in three days\n    celebrate:\n      channel: email\n      message: Congratulations on your first fast close\n',
    );
  const market = BASE['markets/uk.yaml']!.replace('max: 1000', 'max: 5000').replace(
    'sectors: [logistics, retail]',
    'sectors: [retail]',
  );
  return {
    write: {
      'personas/fiona.yaml': fiona,
      'personas/gareth.yaml': gary,
      'personas/nina.yaml': [
        'kind: persona',
        'id: nina-new',
        'name: "Nina <script>alert(1)</script> | *new*\\n\\n[link](https://example.com) <b>x</b>"',
        'messages:',
        '  - theme: growth',
        '    text: "Line one\\n| pipe | and <b>bold</b> `code` [link](https://example.com)"',
        '',
      ].join('\n'),
      'personas/broken-later.yaml': 'kind: persona\nid: broken-bea\nname: [unclosed\n',
      'journeys/buy.yaml': journey,
      'markets/uk.yaml': market,
    },
    remove: ['personas/gary.yaml', 'personas/olga.yaml'],
    move: [['personas/mover.yaml', 'personas/moved/mover.yaml']],
  };
}
