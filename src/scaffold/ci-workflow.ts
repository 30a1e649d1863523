import { stringify } from 'yaml';

/**
 * The GitHub Actions workflow `init` writes (.github/workflows/personakit.yml), built from steps as
 * data so that a step is added in one place. It installs exactly what the workspace's package.json
 * and lock file pin (`npm ci`, with setup-node's npm cache) and runs that installed personakit:
 * `npx --no` refuses to download a package of that name from the registry instead.
 */

export interface WorkflowStep {
  name?: string;
  uses?: string;
  with?: Record<string, string | number>;
  run?: string;
  /** A GitHub expression: the step runs only when it holds (e.g. on pull requests). */
  if?: string;
}

/** The check every push and pull request runs: problems become annotations on the changed lines. */
export const CHECK_COMMAND = 'npx --no personakit check --format github';

/** The job's steps, in order: check out, Node with npm's cache, install, check. */
export function workflowSteps(): WorkflowStep[] {
  return [
    { uses: 'actions/checkout@v4' },
    { uses: 'actions/setup-node@v4', with: { 'node-version': 20, cache: 'npm' } },
    { name: 'Install personakit as package-lock.json pins it', run: 'npm ci' },
    { name: 'Check personas, journeys and markets', run: CHECK_COMMAND },
  ];
}

export function ciWorkflow(steps: readonly WorkflowStep[] = workflowSteps()): string {
  const workflow = {
    name: 'personakit',
    on: { pull_request: null, push: { branches: ['main'] } },
    permissions: { contents: 'read' },
    jobs: { check: { 'runs-on': 'ubuntu-latest', steps } },
  };
  const body = stringify(workflow, { lineWidth: 0, nullStr: '' }).replace(/^(\s*pull_request:) *$/m, '$1');
  return `# Checks the personas, journeys and markets on every push to main and every pull request;
# problems show up as annotations on the changed lines. personakit comes from package.json
# (npm ci), never from whatever the registry serves under its name.
${body}`;
}
