import { writeFileSync } from 'node:fs';

// Loaded with `node --import` when GNU time is missing: records the process's peak RSS (KiB) and
// user / system CPU seconds at exit, in GNU time's `%M %U %S` layout.
process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
});
