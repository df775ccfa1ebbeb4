// The four-param scalar model of issue 17 in Squiggle 0.10 (the bench profile installs
// @quri/squiggle-lang under target/squiggle): the same inputs and formula as four-params.tok,
// timed from run() until the mean, p5, p50 and p95 of the output are read. With "warm" the same
// run is made three times, untimed, before the timed one (as McMain does for Tok). processCpuSeconds is
// the CPU time of the whole process from its start (node start and the import included).
// Usage: node four-params.mjs SAMPLES [warm]   (run from target/squiggle so that the import resolves)
import { run } from "@quri/squiggle-lang";

const samples = Number(process.argv[2] ?? "1000000");
const code = `
life = uniform(3, 6)
capex = 30 to 60
margin = triangular(0.3, 0.5, 0.7)
growth = normal(0.1, 0.05)
profit = capex / life / (1 - margin) * (1 + growth) - capex / life
{mean: mean(profit), p5: quantile(profit, 0.05), p50: quantile(profit, 0.5), p95: quantile(profit, 0.95)}
`;
const env = { environment: { sampleCount: samples, xyPointLength: 1000, seed: "42" } };
for (let w = 0; process.argv[3] === "warm" && w < 3; w++) { // as many untimed runs as McMain's WARM_UP_RUNS
  await run(code, env);
}
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const out = await run(code, env);
const end = out.result;
if (!end.ok) {
  console.error("squiggle failed: " + end.value.toString());
  process.exit(1);
}
const stats = end.value.result.toString();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0); // every thread of the process (node's collector too), in µs
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const all = process.cpuUsage();
const processCpuSeconds = (all.user + all.system) / 1e6;
console.log(`SQUIGGLE seconds=${seconds.toFixed(3)} cpuSeconds=${cpuSeconds.toFixed(3)} processCpuSeconds=${processCpuSeconds.toFixed(3)} samples=${samples}`);
console.log(`SQUIGGLE_STATS ${stats}`);
