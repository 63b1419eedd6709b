// tsc keeps bin.ts's `#!/usr/bin/env node` line but not an executable mode; npm sets the mode when
// it installs the package, and this does it for a clone, so ./dist/src/cli/bin.js runs as it is.
import { chmodSync } from 'node:fs';

chmodSync('dist/src/cli/bin.js', 0o755);
