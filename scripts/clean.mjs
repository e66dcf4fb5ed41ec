// Removes the previous build, so that no compiled file of a deleted source lingers in out/.
import { rmSync } from 'node:fs';

for (const folder of ['out', 'dist']) rmSync(folder, { recursive: true, force: true });
