// The server under a scripted editor's load: a small run of what scripts/load.mjs measures.
// Latencies and memory are printed as figures, never asserted; what is asserted is correctness
// (diagnostics equal a fresh analysis, closed documents keep none) and a generous memory ceiling
// that only a leak would reach.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { distribution, type LoadReport, runLoad } from './loadSession';

/** Far above the 60–100 MiB the server uses: only a leak gets here. */
const RSS_CEILING_MIB = 400;

describe('the server under a burst of edits, opens, closes and cancelled requests', () => {
  let report: LoadReport;

  it('answers every request that was not cancelled', async () => {
    report = await runLoad({
      edits: 2000,
      openDocuments: 6,
      requestEvery: 4,
      cancelEvery: 5,
      churnEvery: 150,
      burst: 25,
      seed: 5,
    });
    printFigures(report);
    const answered = [...report.latencies.values()].reduce((sum, times) => sum + times.length, 0);
    assert.equal(answered + report.cancelled.sent, 500);
  });

  it('publishes for each open document what a fresh analysis of its final text finds', () => {
    assert.deepEqual(report.stale, []);
  });

  it('leaves no diagnostics on a closed document, saved or untitled', () => {
    assert.ok(report.closed >= 10, `${report.closed} documents closed`);
    assert.ok(report.opened > report.closed);
    assert.deepEqual(report.leftOnClosed, []);
  });

  it('stays under a generous memory ceiling', (t) => {
    const measured = report.rssMiB.filter((value) => !Number.isNaN(value));
    if (measured.length === 0) return t.skip('no /proc to read the server memory from');
    assert.ok(Math.max(...measured) < RSS_CEILING_MIB, `RSS ${measured.join(', ')} MiB`);
  });
});

function printFigures(report: LoadReport): void {
  for (const [method, times] of report.latencies) {
    const figures = distribution(times);
    const ms = (key: string) => `${key} ${figures[key]!.toFixed(1)}`;
    console.log(
      `load: ${method} latency ms over ${figures['count']}: ${['p50', 'p90', 'p99', 'max'].map(ms).join(', ')}`,
    );
  }
  const rss = report.rssMiB.map((value) => value.toFixed(0)).join(' → ');
  console.log(`load: server RSS MiB ${rss}; ${report.durationMs} ms in all`);
}
