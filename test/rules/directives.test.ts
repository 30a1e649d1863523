import { describe, expect, it } from 'vitest';
import { change, checkTree, JOURNEY, lineOf, of, PERSONA } from './helpers.js';

const noTouchpoints = change(JOURNEY, '    touchpoints:\n      - channel: sales-meeting\n', '');
const WS = { 'personakit.yaml': 'name: t\n', 'p.yaml': PERSONA };
const rules = (d: { rule: string }[]) => d.map((x) => x.rule);

describe('comment directives', () => {
  it('personakit-disable-next-line silences the named rules on the next line only', async () => {
    const text = change(
      noTouchpoints,
      '  - id: chooses\n',
      '  # personakit-disable-next-line touchpoint-missing, stage-message-missing -- channel not chosen yet\n  - id: chooses\n',
    );
    expect(
      (await checkTree({ ...WS, 'j.yaml': text })).diagnostics.map((d) => `${d.line} ${d.rule}: ${d.message}`),
    ).toEqual([
      `${lineOf(text, 'disable-next-line')} unused-disable: "stage-message-missing" is disabled here but nothing on line ${lineOf(text, 'id: chooses')} triggers it; remove it from the comment`,
    ]);
  });

  it('a next-line directive on another line silences nothing and is itself reported', async () => {
    const text = change(
      noTouchpoints,
      '  - id: aware\n',
      '  # personakit-disable-next-line touchpoint-missing -- wrong place\n  - id: aware\n',
    );
    const { diagnostics } = await checkTree({ ...WS, 'j.yaml': text });
    expect(rules(diagnostics)).toEqual(['unused-disable', 'touchpoint-missing']);
    expect(diagnostics[0]).toMatchObject({ line: lineOf(text, 'wrong place'), column: 3, severity: 'warning' });
  });

  it('personakit-disable at the top of a document silences a rule in that document only', async () => {
    const top = `# Sales owns the touchpoints of this journey.\n# personakit-disable touchpoint-missing -- owned by the sales playbook\n`;
    const second = change(noTouchpoints, 'id: buys', 'id: buys-again');
    const text = `${top}${noTouchpoints}---\n${second}`;
    const { diagnostics } = await checkTree({ ...WS, 'j.yaml': text });
    expect(of(diagnostics, 'touchpoint-missing')).toEqual([
      `j.yaml:${lineOf(text, 'id: chooses', 2)}:5 buying stage "chooses" (Chooses) has no touchpoint; add where the customer meets us at this stage`,
    ]);
    expect(of(diagnostics, 'unused-disable')).toEqual([]);
  });

  it('reports a whole-document directive below the first field, unknown rules with a suggestion, and mandatory rules', async () => {
    const text = change(
      PERSONA,
      'name: Finance Fiona\n',
      'name: Finance Fiona\n# personakit-disable evidence-missing\n# personakit-disable-next-line evidence-stal, schema\n# personakit-disable-nextline value-unaddressed\n# personakit-disable-next-line\n',
    );
    const { diagnostics } = await checkTree({ 'personakit.yaml': 'name: t\n', 'p.yaml': text });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      '4:1 unused-disable personakit-disable applies to a whole document and must come before its first field; move it to the top of the document, or use personakit-disable-next-line',
      '5:1 unused-disable "schema" cannot be disabled: yaml-syntax, schema and duplicate-id always apply; fix the problem instead',
      '5:1 unused-disable unknown rule "evidence-stal" in personakit-disable-next-line (did you mean "evidence-stale"?); see personakit check --list-rules',
      '6:1 unused-disable unknown directive "personakit-disable-nextline" (did you mean "personakit-disable-next-line"?); use personakit-disable-next-line or personakit-disable',
      '7:1 unused-disable personakit-disable-next-line names no rule; list the rules to silence, e.g. "# personakit-disable-next-line touchpoint-missing -- reason"',
    ]);
  });

  it('cannot silence yaml-syntax, schema or duplicate-id', async () => {
    const text = `# personakit-disable schema, duplicate-id -- trying\n${change(PERSONA, 'name: Finance Fiona', 'name: 42')}`;
    const { diagnostics } = await checkTree({ 'personakit.yaml': 'name: t\n', 'p.yaml': text, 'q.yaml': PERSONA });
    expect(rules(diagnostics).sort()).toEqual(['duplicate-id', 'schema', 'unused-disable', 'unused-disable']);
  });

  it('silences rules on warnings kept out by --quiet without reporting the directive as unused', async () => {
    const text = change(
      noTouchpoints,
      '  - id: chooses\n',
      '  # personakit-disable-next-line touchpoint-missing -- later\n  - id: chooses\n',
    );
    expect((await checkTree({ ...WS, 'j.yaml': text }, { quiet: true })).diagnostics).toEqual([]);
    expect((await checkTree({ ...WS, 'j.yaml': text })).diagnostics).toEqual([]);
  });

  it('is reported with the severity configured for unused-disable, or not at all when off', async () => {
    const text = `# personakit-disable stage-order -- nothing crosses\n${JOURNEY}`;
    const error = await checkTree({
      'personakit.yaml': 'rules:\n  unused-disable: error\n',
      'p.yaml': PERSONA,
      'j.yaml': text,
    });
    expect(error.diagnostics.map((d) => `${d.rule} ${d.severity}`)).toEqual(['unused-disable error']);
    const off = await checkTree({
      'personakit.yaml': 'rules:\n  unused-disable: off\n',
      'p.yaml': PERSONA,
      'j.yaml': text,
    });
    expect(off.diagnostics).toEqual([]);
  });

  it('validate applies directives but does not report them as unused (most rules did not run)', async () => {
    const text = `# personakit-disable stage-order -- nothing crosses\n${JOURNEY}`;
    expect((await checkTree({ ...WS, 'j.yaml': text }, { mode: 'validate' })).diagnostics).toEqual([]);
  });
});
