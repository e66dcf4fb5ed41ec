#!/usr/bin/env node
// The load benchmark: a scripted editor drives the built server over stdio, first flooding it
// with edits as fast as the pipe takes them, then typing at a steady pace, and prints the
// latency distribution of every kind of request, the server's memory (RSS) as it ran, and
// whether the published diagnostics matched a fresh analysis. Run: npm run bench:load
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const require = createRequire(import.meta.url);
const { runLoad, distribution, measureBigFile, bigPolicy } = require(
  join(root, 'out/test/protocol/loadSession.js'),
);

const SCENARIOS = [
  {
    name: 'flood: 20,000 edits over 30 documents, sent as fast as the pipe takes them',
    plan: {
      edits: 20_000,
      openDocuments: 30,
      requestEvery: 4,
      cancelEvery: 5,
      churnEvery: 200,
      burst: 50,
      seed: 1,
    },
  },
  {
    name: 'typing: 3,000 edits over 5 documents, one every 2 ms',
    plan: {
      edits: 3_000,
      openDocuments: 5,
      requestEvery: 3,
      cancelEvery: 5,
      churnEvery: 300,
      burst: 1,
      pauseMs: 2,
      seed: 2,
    },
  },
];

for (const { name, plan } of SCENARIOS) {
  const report = await runLoad(plan);
  console.log(`\n${name}`);
  console.log(
    `  ${report.durationMs} ms; ${report.opened} documents opened, ${report.closed} closed`,
  );
  console.log('  request      count     p50     p90     p99     max  (ms)');
  for (const [method, times] of report.latencies) {
    const d = distribution(times);
    const ms = (value) => value.toFixed(1).padStart(7);
    console.log(
      `  ${method.padEnd(11)} ${String(d.count).padStart(6)} ${ms(d.p50)} ${ms(d.p90)} ${ms(d.p99)} ${ms(d.max)}`,
    );
  }
  const { sent, answeredCancelled } = report.cancelled;
  console.log(`  cancelled: ${sent} sent, ${answeredCancelled} answered as cancelled`);
  console.log(`  server RSS MiB: ${report.rssMiB.map((v) => v.toFixed(0)).join(' ')}`);
  console.log(
    `  stale diagnostics: ${report.stale.length}; left on closed documents: ${report.leftOnClosed.length}`,
  );
  if (report.stale.length > 0 || report.leftOnClosed.length > 0) process.exitCode = 1;
}

// A policy-shaped file of 10 MB opened and typed in: what the editor waits for.
const big = await measureBigFile(bigPolicy(10), 20);
const typing = distribution(big.editToDiagnosticsMs);
const completion = distribution(big.completionMs);
const ms = (value) => `${value.toFixed(0)} ms`;
console.log(
  `\nbig file: ${(big.characters / 1024 / 1024).toFixed(1)} Mi characters, typed 20 times`,
);
console.log(
  `  open to first diagnostics: ${ms(big.firstDiagnosticsMs)}, ${big.diagnostics.length} diagnostics`,
);
console.log(`  keystroke to diagnostics: p50 ${ms(typing.p50)}, max ${ms(typing.max)}`);
console.log(`  completion: p50 ${ms(completion.p50)}, max ${ms(completion.max)}`);
console.log(
  `  server RSS ${big.rssMiB.toFixed(0)} MiB; log: ${big.logLines.filter((l) => l.includes('not analysed')).length} "not analysed" line(s)`,
);
