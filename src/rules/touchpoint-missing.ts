import { stageFieldRule } from './stage-field-missing.js';

export const touchpointMissing = stageFieldRule(
  {
    id: 'touchpoint-missing',
    severity: 'warning',
    description: 'A buying stage with no touchpoint: nothing says where the customer meets us at that stage.',
    help: 'Add `touchpoints` to the stage: the channel (web, email, sales-meeting, phone…), what happens there and who owns it.',
  },
  'touchpoints',
  'has no touchpoint; add where the customer meets us at this stage',
);
