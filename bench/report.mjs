/** The benchmark's outputs: a table of medians and ratios for people, a JSON document for tools. */
import os from 'node:os';
import { median } from './measure.mjs';

export function summarise(samples, targets, unavailable) {
  const commands = Object.entries(samples)
    .filter(([, runs]) => runs.length > 0)
    .map(([id, runs]) => ({
      id,
      seconds: median(runs.map((r) => r.seconds)),
      min: Math.min(...runs.map((r) => r.seconds)),
      max: Math.max(...runs.map((r) => r.seconds)),
      peakMiB: median(runs.map((r) => r.peakMiB)),
    }));
  const byId = new Map(commands.map((c) => [c.id, c]));
  const results = targets.map((t) => {
    const missing = [t.subject, t.baseline].filter((id) => id && !byId.has(id));
    if (missing.length > 0)
      return {
        ...t,
        value: null,
        pass: null,
        note: `not yet measurable: ${missing.map((id) => `${id} (${unavailable.get(id) ?? 'not run'})`).join('; ')}`,
      };
    const subject = byId.get(t.subject)[t.metric];
    if (t.baseline) {
      const ratio = subject / byId.get(t.baseline)[t.metric];
      return { ...t, value: ratio, pass: t.max === undefined ? null : ratio <= t.max };
    }
    return { ...t, value: subject, pass: t.absoluteMax === undefined ? null : subject <= t.absoluteMax };
  });
  return { commands, results, unavailable: Object.fromEntries(unavailable) };
}

export function printReport(summary, runs) {
  const out = [];
  const m = machine();
  out.push(
    `\nmedians of ${runs} interleaved run(s) — ${m.cpu}, ${m.cpus} cores, Node ${m.node}, load average ${m.loadAverage}\n`,
  );
  out.push(
    table(
      ['command', 'median s', 'min s', 'max s', 'peak MiB'],
      summary.commands.map((c) => [
        c.id,
        c.seconds.toFixed(3),
        c.min.toFixed(3),
        c.max.toFixed(3),
        c.peakMiB === null ? '—' : c.peakMiB.toFixed(0),
      ]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['target', 'what', 'value', 'goal', 'ok'],
      summary.results.map((r) => [
        r.id,
        r.what,
        r.value === null
          ? r.note.slice(0, 70) + (r.note.length > 70 ? '…' : '')
          : r.baseline
            ? `${r.value.toFixed(2)}×`
            : r.metric === 'seconds'
              ? `${r.value.toFixed(3)} s`
              : `${r.value.toFixed(0)} MiB`,
        r.baseline
          ? r.max === undefined
            ? '(context)'
            : `≤ ${r.max}×`
          : r.absoluteMax === undefined
            ? '(context)'
            : `≤ ${r.absoluteMax}${r.metric === 'seconds' ? ' s' : ' MiB'}`,
        r.pass === null ? '' : r.pass ? 'yes' : 'NO',
      ]),
    ),
  );
  process.stdout.write(out.join('\n') + '\n');
}

export function resultsDocument(summary, samples, runs) {
  return {
    date: new Date().toISOString(),
    machine: machine(),
    runs,
    commands: summary.commands,
    targets: summary.results,
    samples,
    unavailable: summary.unavailable,
  };
}

function machine() {
  const cpus = os.cpus();
  // The 1-minute load average: above the core count, other work shared the machine and the
  // absolute seconds say little (the interleaved ratios still compare like with like).
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.versions.node,
    loadAverage: Number(os.loadavg()[0].toFixed(2)),
  };
}

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
