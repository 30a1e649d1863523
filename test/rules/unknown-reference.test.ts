import { describe, expect, it } from 'vitest';
import { change, checkTree, JOURNEY, lineOf, MARKET, of, PERSONA } from './helpers.js';

const WS = { 'personakit.yaml': 'name: t\n', 'p.yaml': PERSONA };

describe('unknown-reference', () => {
  it('reports a journey persona that does not exist, with a suggestion, at the reference', async () => {
    const text = change(JOURNEY, 'personas: [fiona]', 'personas: [fiona, fionna, zed]');
    expect(of((await checkTree({ ...WS, 'j.yaml': text })).diagnostics, 'unknown-reference')).toEqual([
      'j.yaml:4:19 persona "fionna" does not exist (did you mean "fiona"?); list the ids of personas in the workspace',
      'j.yaml:4:27 persona "zed" does not exist; list the ids of personas in the workspace',
    ]);
  });

  it('says when an id names a document of the wrong kind', async () => {
    const text = change(JOURNEY, 'personas: [fiona]', 'personas: [fiona, uk-finance]');
    expect(of((await checkTree({ ...WS, 'j.yaml': text, 'm.yaml': MARKET })).diagnostics, 'unknown-reference')).toEqual(
      ['j.yaml:4:19 "uk-finance" is a market, not a persona; list the ids of personas in the workspace'],
    );
  });

  it('reports aligns_with and milestone stages that name no buying stage of the journey', async () => {
    let text = change(JOURNEY, 'aligns_with: [chooses]', 'aligns_with: [chooses, choses, grow]');
    text = change(text, 'stage: chooses', 'stage: signed');
    expect(of((await checkTree({ ...WS, 'j.yaml': text })).diagnostics, 'unknown-reference')).toEqual([
      `j.yaml:${lineOf(text, 'choses, grow')}:28 buying stage "choses" does not exist in this journey (did you mean "chooses"?); use the id of one of this journey's stages`,
      `j.yaml:${lineOf(text, 'choses, grow')}:36 "grow" is a sales stage, not a buying stage; use the id of one of this journey's stages`,
      `j.yaml:${lineOf(text, 'stage: signed')}:12 "signed" is a milestone, not a buying stage; use the id of one of this journey's stages`,
    ]);
  });

  it("reports value addresses that name none of the persona's goals or challenges", async () => {
    const text = change(
      PERSONA,
      'addresses: [close-faster, audit-risk]',
      'addresses: [close-faster, audit-risk, audit-risks]',
    );
    expect(
      of((await checkTree({ 'personakit.yaml': 'name: t\n', 'p.yaml': text })).diagnostics, 'unknown-reference'),
    ).toEqual([
      `p.yaml:${lineOf(text, 'audit-risks')}:43 goal or challenge "audit-risks" does not exist in this persona (did you mean "audit-risk"?); addresses lists ids of this persona's goals and challenges`,
    ]);
  });

  it('reports market buyer_personas that name no persona', async () => {
    const text = change(MARKET, 'buyer_personas: [fiona]', 'buyer_personas: [fiona, buys]');
    expect(
      of((await checkTree({ ...WS, 'j.yaml': JOURNEY, 'm.yaml': text })).diagnostics, 'unknown-reference'),
    ).toEqual(['m.yaml:5:27 "buys" is a journey, not a persona; list the ids of personas in the workspace']);
  });

  it('resolves against schema-invalid documents with a valid id', async () => {
    const broken = change(PERSONA, 'name: Finance Fiona', 'name: 42');
    const { diagnostics } = await checkTree({ 'personakit.yaml': 'name: t\n', 'p.yaml': broken, 'j.yaml': JOURNEY });
    expect(of(diagnostics, 'unknown-reference')).toEqual([]);
    expect(diagnostics.map((d) => d.rule)).toEqual(['schema']);
  });

  it('resolves across the workspace when one file is checked, and reports only on that file', async () => {
    const journey = change(JOURNEY, 'personas: [fiona]', 'personas: [fiona, ghost]');
    const files = {
      'personakit.yaml': 'paths: [personas, journeys]\n',
      'personas/fiona.yaml': PERSONA,
      'journeys/buys.yaml': journey,
    };
    expect((await checkTree(files, { paths: ['personas/fiona.yaml'] })).diagnostics).toEqual([]);
    expect(of((await checkTree(files, { paths: ['journeys/buys.yaml'] })).diagnostics, 'unknown-reference')).toEqual([
      'journeys/buys.yaml:4:19 persona "ghost" does not exist; list the ids of personas in the workspace',
    ]);
  });

  it('ignores entries of the wrong type (schema errors) and self-references do not hang', async () => {
    let text = change(JOURNEY, 'personas: [fiona]', 'personas: [fiona, 3, {id: x}]');
    text = change(text, 'aligns_with: [aware]', 'aligns_with: prospect');
    text = change(text, 'stage: chooses', 'stage: [signed]');
    const persona = change(
      PERSONA,
      'addresses: [close-faster, audit-risk]',
      'addresses: [close-faster, audit-risk]\n  - addresses: 7',
    );
    const { diagnostics } = await checkTree({ 'personakit.yaml': 'name: t\n', 'p.yaml': persona, 'j.yaml': text });
    expect(of(diagnostics, 'unknown-reference')).toEqual([]);
    expect(diagnostics.some((d) => d.rule === 'schema')).toBe(true);
  });
});
