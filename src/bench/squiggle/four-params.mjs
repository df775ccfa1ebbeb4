// The four-param scalar model of issue 17 in Squiggle 0.10 (the bench profile installs
// @quri/squiggle-lang under target/squiggle): the same inputs and formula as four-params.tok,
// timed from run() until the mean, p5, p50 and p95 of the output are read.
// "cold": one run, the first in the process. "warm": the run repeated until it is in its steady
// state, then timed, as McMain does for Tok (bench/SteadyState.java): at least 5 untimed runs,
// more until two successive ones agree within 5 % of wall time (30 at most), then 10 timed runs;
// seconds is their median, cpuSeconds the process's CPU per timed run. processCpuSeconds is the
// CPU time of the whole process from its start (node start and the import included).
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

async function once() {
  const out = await run(code, env);
  const end = out.result;
  if (!end.ok) {
    console.error("squiggle failed: " + end.value.toString());
    process.exit(1);
  }
  return end.value.result.toString();
}

const MIN_WARM_UPS = 5, MAX_WARM_UPS = 30, MEASURED = 10, AGREE = 0.05; // as SteadyState.java
const now = () => Number(process.hrtime.bigint()) / 1e9;
const cpuOf = (u) => (u.user + u.system) / 1e6; // every thread of the process (node's collector too)
let stats, seconds, minSeconds, cpuSeconds, warmUps = 0, settled = false;
if (process.argv[3] === "warm") {
  let previous = NaN;
  while (warmUps < MAX_WARM_UPS && !settled) {
    const t0 = now();
    await once();
    const s = now() - t0;
    warmUps++;
    settled = warmUps >= MIN_WARM_UPS && Math.abs(s - previous) <= AGREE * Math.min(s, previous);
    previous = s;
  }
  const walls = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < MEASURED; i++) {
    const t0 = now();
    stats = await once();
    walls.push(now() - t0);
  }
  cpuSeconds = cpuOf(process.cpuUsage(cpu0)) / MEASURED;
  walls.sort((a, b) => a - b);
  seconds = (walls[MEASURED / 2 - 1] + walls[MEASURED / 2]) / 2;
  minSeconds = walls[0];
} else {
  const t0 = now();
  const cpu0 = process.cpuUsage();
  stats = await once();
  seconds = minSeconds = now() - t0;
  cpuSeconds = cpuOf(process.cpuUsage(cpu0));
}
const processCpuSeconds = cpuOf(process.cpuUsage());
console.log(`SQUIGGLE seconds=${seconds.toFixed(4)} minSeconds=${minSeconds.toFixed(4)} cpuSeconds=${cpuSeconds.toFixed(4)} `
  + `warmUps=${warmUps} settled=${settled} processCpuSeconds=${processCpuSeconds.toFixed(3)} samples=${samples}`);
console.log(`SQUIGGLE_STATS ${stats}`);
