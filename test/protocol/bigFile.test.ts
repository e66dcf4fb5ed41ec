// A policy too large to analyse, over LSP: one information diagnostic at the top, one log line,
// and answers at once as it is typed in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { bigPolicy, distribution, measureBigFile } from './loadSession';

describe('a 2 MB policy typed in over LSP', () => {
  it('gets one information diagnostic at the top and one log line, however often it changes', async () => {
    const report = await measureBigFile(bigPolicy(2), 20);
    const typing = distribution(report.editToDiagnosticsMs);
    console.log(
      `big file: ${report.characters} characters, first diagnostics in ` +
        `${report.firstDiagnosticsMs.toFixed(0)} ms, keystroke to diagnostics p50 ` +
        `${typing['p50']!.toFixed(1)} ms, max ${typing['max']!.toFixed(1)} ms`,
    );

    assert.deepEqual(
      report.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [['policy-too-large', 3, 0]],
    );
    const notAnalysed = report.logLines.filter((line) => line.includes('not analysed'));
    assert.equal(notAnalysed.length, 1);
    assert.match(notAnalysed[0]!, /characters is over the limit: .*big\.json/);
  });
});
