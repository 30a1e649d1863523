#!/usr/bin/env node
/**
 * Compare builds of personakit on one command, interleaved (A B A B …), so a busy machine hits
 * both alike: medians of wall time and peak memory, and the ratio of each build to the first.
 *
 *   node bench/compare.mjs --runs 7 --cwd bench/workspaces/w10k /tmp/pk-before . -- check --cache
 *
 * An argument containing {build} gets each build's folder name there (e.g. separate cache folders),
 * and {run} the round's number (e.g. `render --out /tmp/x/{build}-{run}`: a new, empty folder each run,
 * as bench/run.mjs renders target 23; delete them after the comparison, not between runs).
 * Each build is a package folder with bin/personakit.js (a copy of the repository made with
 * `tsc --outDir` plus bin, schemas, templates, package.json and a node_modules link, or the repository).
 */
import path from 'node:path';
import { measure, median } from './measure.mjs';

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
if (split === -1) throw new Error('usage: compare.mjs [--runs N] [--cwd DIR] BUILD [BUILD…] -- personakit arguments');
let runs = 5;
let cwd = process.cwd();
const builds = [];
const own = argv.slice(0, split);
for (let i = 0; i < own.length; i++) {
  if (own[i] === '--runs') runs = Number(own[++i]);
  else if (own[i] === '--cwd') cwd = path.resolve(own[++i]);
  else builds.push(path.resolve(own[i]));
}
const args = argv.slice(split + 1);
const samples = builds.map(() => []);
for (let round = 0; round < runs; round++) {
  const order = builds.map((_, i) => (i + round) % builds.length);
  for (const b of order) {
    // {build} in an argument: one value per build (a cache folder must not be shared between builds);
    // {run}: one value per round.
    const own = args.map((a) => a.replaceAll('{build}', path.basename(builds[b])).replaceAll('{run}', String(round)));
    samples[b].push(measure({ cmd: process.execPath, args: [path.join(builds[b], 'bin/personakit.js'), ...own], cwd }));
  }
}
const base = median(samples[0].map((s) => s.seconds));
builds.forEach((b, i) => {
  const s = median(samples[i].map((x) => x.seconds));
  const m = median(samples[i].map((x) => x.peakMiB));
  const cpu = median(samples[i].map((x) => x.cpuSeconds));
  process.stdout.write(
    `${b}: ${s.toFixed(3)} s (×${(s / base).toFixed(2)}), CPU ${cpu?.toFixed(3) ?? '?'} s, ${m?.toFixed(0) ?? '?'} MiB, exit ${samples[i][0].status}\n`,
  );
});
