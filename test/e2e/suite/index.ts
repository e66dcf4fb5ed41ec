// The entry point that VS Code's extension host calls to run the editor tests: mocha over every
// *.test.js beside this file, ending with one summary line that the runner's log can be searched
// for.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .forEach((file) => mocha.addFile(path.join(__dirname, file)));

  const failed = await new Promise<number>((resolve) => {
    const runner = mocha.run((failures) => resolve(failures));
    runner.on('end', () => {
      console.log(
        `e2e: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`,
      );
    });
  });
  if (failed > 0) throw new Error(`${failed} editor ${failed === 1 ? 'test' : 'tests'} failed`);
}
