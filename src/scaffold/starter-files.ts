import { stringify } from 'yaml';
import { KINDS } from '../schema/compile.js';

/** Text files `init` writes besides the documents. Schema paths are given relative to the workspace root. */

const yamlScalar = (text: string) => stringify(text, { lineWidth: 0 }).trimEnd();

export function settingsYaml(clientName: string, schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# personakit workspace settings. This file marks the workspace root: personakit commands search
# upward for it, the way git looks for .git. Every setting is optional.

# Shown at the top of every report.
name: ${yamlScalar(clientName)}

# Folders read by \`personakit check\` and \`personakit render\`, relative to this file.
paths: [personas, journeys, markets]

completeness:
  # Minimum persona completeness in percent: 100 means all eight headings filled (about them,
  # personality, goals, challenges, hangouts, what we do for them, objections, message).
  min: 100

evidence:
  # Warn (evidence-stale) when a persona's newest research is older than this many days.
  maxAgeDays: 365

# More texts that count as placeholders besides TODO, TBD, FIXME, …: they fill no heading.
# placeholders: { values: [n/a, to be confirmed], prefixes: ["draft:"] }

# Severity overrides, one line per rule: error | warning | off.
# \`personakit check --list-rules\` lists every rule with its severity.
rules:
  # evidence-missing: error      # once every persona has research behind it
  # stage-message-missing: off
  # placeholder-text: error      # when no TODO may reach the client

# Folder of your own report templates (<kind>.<format>.hbs), replacing the built-in ones.
# templates: templates
`;
}

export function vscodeSettings(schemaRefs: Record<string, string>): string {
  const schemas: Record<string, string[]> = {};
  for (const kind of KINDS) schemas[schemaRefs[kind]!] = [`${kind}s/**/*.yaml`, `${kind}s/**/*.yml`];
  schemas[schemaRefs.settings!] = ['personakit.yaml'];
  return `${JSON.stringify({ 'yaml.schemas': schemas, 'yaml.validate': true, 'yaml.completion': true, 'yaml.hover': true }, null, 2)}\n`;
}

export function vscodeExtensions(): string {
  return `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`;
}

export function gitignore(): string {
  return `# Reports written by \`personakit render\`; regenerate them instead of committing them.
report/
node_modules/
`;
}

export function workspaceReadme(clientName: string): string {
  return `# ${clientName}: personas, journeys and markets

This folder is a personakit workspace: buyer personas, customer journeys and addressable markets
kept as YAML, checked like code and rendered into reports.

## Install

personakit is a dev dependency in \`package.json\`, so one command installs the version this
workspace uses (Node.js 20 or later):

\`\`\`sh
npm install        # or \`npm ci\`, which installs exactly what package-lock.json pins
\`\`\`

Then run it with \`npx personakit …\` or \`npm run check\`. Editors find the schemas in
\`node_modules/personakit/schemas/\` once it is installed.

| Folder | What goes there |
|---|---|
| \`personas/\` | One file per customer type, with the eight headings: about them, personality, goals, challenges, hangouts, what we do for them, objections, message. |
| \`journeys/\` | The customer's buying stages, the sales stages aligned to them, and the milestones we celebrate. |
| \`markets/\` | Who fits: the criteria of the addressable market, candidate accounts and sizing. |

Each folder starts with an example (\`example-…\`) to edit into the real thing, or to delete once
your own documents refer to each other.

## Add a persona

\`\`\`sh
npx personakit new persona            # answers questions, writes personas/<id>.yaml
npx personakit new journey            # offers a nine-stage or seven-stage B2B template
npx personakit new market
\`\`\`

Or write the answers in a file and run \`npx personakit new persona --answers answers.yaml\`.

## Check

\`\`\`sh
npx personakit check
\`\`\`

It reports incomplete personas, dangling references, journey stages without a sales stage,
accounts that do not fit the market, and more. A pull request runs the same check
(\`.github/workflows/personakit.yml\`).

## Render

\`\`\`sh
npx personakit render                 # HTML reports in report/
npx personakit render --format md     # Markdown, with Mermaid journey diagrams
\`\`\`

## Editing

Open the folder in VS Code and accept the recommended YAML extension: fields autocomplete and
show their descriptions, and mistakes are underlined as you type.
`;
}
