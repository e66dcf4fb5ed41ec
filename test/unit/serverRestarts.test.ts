// The client's decisions when the running language server stops unexpectedly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ServerRestarts } from '../../client/src/serverRestarts';

const MINUTE = 60_000;

function restartsAt(times: number[]) {
  let now = 0;
  const restarts = new ServerRestarts('RAM Policy (cams)', () => now);
  return times.map((time) => {
    now = time;
    return restarts.afterUnexpectedStop();
  });
}

describe('restarting a server that stopped', () => {
  it('restarts it and tells the user once', () => {
    const decisions = restartsAt([0, 10 * MINUTE, 20 * MINUTE]);
    assert.deepEqual(
      decisions.map((d) => d.restart),
      [true, true, true],
    );
    assert.match(decisions[0]!.message!, /stopped unexpectedly and was restarted/);
    assert.deepEqual(
      decisions.slice(1).map((d) => d.message),
      [undefined, undefined],
    );
  });

  it('gives up with one message on the fifth stop within three minutes', () => {
    const decisions = restartsAt([0, 1000, 2000, 3000, 4000]);
    assert.deepEqual(
      decisions.map((d) => d.restart),
      [true, true, true, true, false],
    );
    assert.match(decisions[4]!.message!, /stopped 5 times in 3 minutes, so it is not restarted/);
  });

  it('forgets stops older than three minutes', () => {
    const decisions = restartsAt([0, 1000, 2000, 3000, 4 * MINUTE]);
    assert.equal(decisions[4]!.restart, true);
  });
});
