// Preloaded into a benched command (`node --import ./bench/cpuAtExit.mjs ...`): at exit, the
// process's CPU time — every thread's, the worker pool's included — as one line on stderr.
// Plain JavaScript, so the compiled command stays free of any TypeScript loader.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nbench-cpu-us ${user + system}\n`);
});
