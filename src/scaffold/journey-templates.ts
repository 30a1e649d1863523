/**
 * Starting points for a journey. Both run from first contact to retention (a journey that ends
 * at the sale is a mistake) and come with the seller's stages already aligned, one sales stage
 * per group of buying stages, never crossing. Every stage has a message and a touchpoint, so a
 * new journey passes `check`; the texts are generic and meant to be rewritten for the client.
 */
export interface JourneyTemplate {
  id: string;
  name: string;
  description: string;
  stages: Array<Record<string, unknown>>;
  sales_stages: Array<Record<string, unknown>>;
  milestones: Array<Record<string, unknown>>;
}

type Phase = 'exposure' | 'adoption' | 'retention';

function stage(
  id: string,
  name: string,
  phase: Phase,
  goal: string,
  message: string,
  emotion: number,
  channel: string,
  description: string,
  owner: string,
) {
  return { id, name, phase, goal, emotion, message, touchpoints: [{ channel, description, owner }] };
}

function sales(id: string, name: string, alignsWith: string[], owner: string) {
  return { id, name, aligns_with: alignsWith, owner };
}

export const AWARENESS_TO_ADVOCACY: JourneyTemplate = {
  id: 'awareness-to-advocacy',
  name: 'Nine stages, from awareness to advocacy',
  description:
    'becomes aware, becomes interested, shows interest, joins your list, asks for information, is informed, chooses, comes to trust, stops thinking twice',
  stages: [
    stage(
      'aware',
      'Becomes aware of a problem',
      'exposure',
      'Understand whether the problem is worth solving',
      'Name the problem and show that it is common',
      0,
      'web',
      'Article or post describing the problem',
      'marketing',
    ),
    stage(
      'interested',
      'Becomes interested',
      'exposure',
      'See what others do about it',
      'Show what good looks like, with a peer example',
      1,
      'social',
      'Case study shared where they get information',
      'marketing',
    ),
    stage(
      'shows-interest',
      'Shows interest',
      'exposure',
      'Find out more without talking to sales yet',
      'Offer a useful guide in exchange for an email address',
      1,
      'web',
      'Guide download page',
      'marketing',
    ),
    stage(
      'joins-list',
      'Joins our list',
      'exposure',
      'Keep learning at their own pace',
      'Send practical advice, not a sales pitch',
      1,
      'email',
      'Welcome series of emails',
      'marketing',
    ),
    stage(
      'asks-for-information',
      'Asks for information',
      'adoption',
      'Check that we fit their situation',
      'Answer their question the same day, from someone who knows their sector',
      0,
      'phone',
      'Call with a specialist',
      'sales',
    ),
    stage(
      'is-informed',
      'Is informed',
      'adoption',
      'Understand costs, effort and risks',
      'Give a clear proposal with prices and a plan',
      0,
      'sales-meeting',
      'Proposal meeting',
      'sales',
    ),
    stage(
      'chooses',
      'Chooses us',
      'adoption',
      'Make a decision they can defend',
      'Thank them, and confirm what happens next and when',
      1,
      'email',
      'Welcome pack and onboarding plan',
      'sales',
    ),
    stage(
      'comes-to-trust',
      'Comes to trust us',
      'retention',
      'Get the value they were promised',
      'Show the results they have had so far',
      1,
      'email',
      'Quarterly review of results',
      'service',
    ),
    stage(
      'stops-thinking-twice',
      'Stops thinking twice',
      'retention',
      'Keep using us without re-evaluating',
      'Invite them to share their story and shape what comes next',
      2,
      'events',
      'Customer forum or advisory group',
      'service',
    ),
  ],
  sales_stages: [
    sales('addressable-market', 'Addressable market', ['aware'], 'marketing'),
    sales('lead-generation', 'Lead generation', ['interested', 'shows-interest'], 'marketing'),
    sales('qualification', 'Qualification', ['joins-list', 'asks-for-information'], 'sales'),
    sales('proposal', 'Needs analysis and proposal', ['is-informed'], 'sales'),
    sales('close', 'Negotiation and close', ['chooses'], 'sales'),
    sales('onboarding', 'Onboarding', ['comes-to-trust'], 'service'),
    sales('account-growth', 'Account growth and referrals', ['stops-thinking-twice'], 'service'),
  ],
  milestones: [
    {
      id: 'first-purchase',
      stage: 'chooses',
      trigger: 'The first order is signed',
      celebrate: { channel: 'email', message: 'A personal thank-you from the account owner, with the onboarding plan' },
    },
    {
      id: 'first-anniversary',
      stage: 'comes-to-trust',
      trigger: 'One year as a customer',
      celebrate: { channel: 'letter', message: 'A note marking the anniversary and the results of the year' },
    },
  ],
};

export const B2B_SEVEN_STAGES: JourneyTemplate = {
  id: 'b2b-seven-stages',
  name: 'Seven-stage B2B buying process',
  description:
    'recognises a need, defines requirements, searches for suppliers, asks for proposals, evaluates, chooses, reviews and renews; one sales stage each, from addressable market to account management',
  stages: [
    stage(
      'recognises-need',
      'Recognises a need',
      'exposure',
      'Decide whether the problem deserves a project',
      'Show the cost of the problem in numbers they recognise',
      -1,
      'web',
      'Benchmark or cost calculator',
      'marketing',
    ),
    stage(
      'defines-requirements',
      'Defines what is needed',
      'exposure',
      'Agree internally on what a solution must do',
      'Offer a requirements checklist they can use with colleagues',
      0,
      'email',
      'Checklist sent on request',
      'marketing',
    ),
    stage(
      'searches-suppliers',
      'Searches for suppliers',
      'exposure',
      'Draw up a shortlist',
      'Make it easy to see why we belong on the shortlist',
      0,
      'web',
      'Comparison page and references',
      'marketing',
    ),
    stage(
      'requests-proposals',
      'Asks for proposals',
      'adoption',
      'Get comparable proposals',
      'Respond quickly, in their format, with a named contact',
      0,
      'sales-meeting',
      'Discovery meeting',
      'sales',
    ),
    stage(
      'evaluates',
      'Evaluates the proposals',
      'adoption',
      'Choose with the least risk',
      'Answer every concern of every member of the buying group',
      -1,
      'sales-meeting',
      'Presentation to the buying group',
      'sales',
    ),
    stage(
      'chooses',
      'Chooses and signs',
      'adoption',
      'Sign on terms they can defend',
      'Confirm the decision was right and what happens next',
      1,
      'email',
      'Contract and onboarding plan',
      'sales',
    ),
    stage(
      'reviews-and-renews',
      'Reviews performance and renews',
      'retention',
      'Get the promised results and decide to renew',
      'Report the results against the goals they set',
      1,
      'sales-meeting',
      'Annual account review',
      'service',
    ),
  ],
  sales_stages: [
    sales('addressable-market', 'Addressable market', ['recognises-need'], 'marketing'),
    sales('prospecting', 'Prospecting', ['defines-requirements'], 'marketing'),
    sales('qualification', 'Qualification', ['searches-suppliers'], 'sales'),
    sales('needs-analysis', 'Needs analysis', ['requests-proposals'], 'sales'),
    sales('proposal', 'Proposal and business case', ['evaluates'], 'sales'),
    sales('close', 'Negotiation and close', ['chooses'], 'sales'),
    sales('account-management', 'Account management', ['reviews-and-renews'], 'service'),
  ],
  milestones: [
    {
      id: 'contract-signed',
      stage: 'chooses',
      trigger: 'The contract is signed',
      celebrate: { channel: 'letter', message: 'A welcome letter from our managing director' },
    },
    {
      id: 'first-renewal',
      stage: 'reviews-and-renews',
      trigger: 'The customer renews for the first time',
      celebrate: { channel: 'email', message: 'A thank-you with the results of their first term' },
    },
  ],
};

export const JOURNEY_TEMPLATES: readonly JourneyTemplate[] = [AWARENESS_TO_ADVOCACY, B2B_SEVEN_STAGES];
