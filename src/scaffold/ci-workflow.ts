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
  /** Environment of the step: how GitHub expressions reach a `run` without being pasted into the shell. */
  env?: Record<string, string>;
}

/** The check every push and pull request runs: problems become annotations on the changed lines. */
export const CHECK_COMMAND = 'npx --no personakit check --format github';

/** On pull requests: what the pull request changes (merge base against head), on the run's summary page. */
export const DIFF_COMMAND = 'npx --no personakit diff "origin/$BASE_REF...HEAD" --format md >> "$GITHUB_STEP_SUMMARY"';

/** The job's steps, in order: check out (the whole history, for diff), Node with npm's cache, install, diff, check. */
export function workflowSteps(): WorkflowStep[] {
  return [
    { uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } },
    { uses: 'actions/setup-node@v4', with: { 'node-version': 20, cache: 'npm' } },
    { name: 'Install personakit as package-lock.json pins it', run: 'npm ci' },
    {
      name: 'What the pull request changes in personas, journeys and markets',
      if: "github.event_name == 'pull_request'",
      env: { BASE_REF: '${{ github.base_ref }}' },
      run: DIFF_COMMAND,
    },
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
