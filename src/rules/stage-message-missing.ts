import { stageFieldRule } from './stage-field-missing.js';

export const stageMessageMissing = stageFieldRule(
  {
    id: 'stage-message-missing',
    severity: 'warning',
    description: 'A buying stage with no `message`: nothing says what we communicate at that stage.',
    help: "Add a `message` to the stage: what we tell the customer there, in the customer's terms.",
  },
  'message',
  'has no message; add what we communicate at this stage',
);
