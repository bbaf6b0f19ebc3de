import { cpus, loadavg, platform, totalmem } from 'node:os';
import { formatNumber, renderTable } from '../src/evaluation/textTable';
import type { BuildFigures, PeerFigures, RecallFigures, ServeFigures } from './benchWorker';
import { describeFeedsBench, type FeedsBenchFigures } from './feedsBench';
import type { SearchPeerFigures } from './searchPeerBench';

/** Every figure measured at one size of one corpus. Null where a task failed (see `errors`). */
export interface SizeResult {
  corpus: string;
  targetPassages: number;
  build: BuildFigures | null;
  serve: ServeFigures | null;
  recall: RecallFigures | null;
  peer: PeerFigures | null;
  /** MiniSearch and Orama over the same passages and queries (absent in reports from before they were measured). */
  searchPeers?: SearchPeerFigures[];
  errors: string[];
}

/** The machine the figures come from. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
  loadAverage?: { start: number; end: number };
}

/** The machine a run is on, with the load average when it started (`loadAtStart`) and now. */
export function describeMachine(loadAtStart: number): MachineInfo {
  const cpuList = cpus();
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${platform()} ${process.arch}`,
    loadAverage: { start: loadAtStart, end: loadavg()[0] },
  };
}

/** Everything `npm run bench` measured, as `--json` prints it. */
export interface BenchReport {
  command: string;
  /** The commit measured, with `+changes` when the working tree differed from it. */
  revision?: string;
  machine: MachineInfo;
  sizes: SizeResult[];
  /** What bench/discordLatency.ts reported, when it exists. */
  discord: unknown;
  /** What bench/feedsBench.ts reported: a feed polled into an empty corpus, and the live index's lag. */
  live?: unknown;
  notes: string[];
  ms: number;
}

/** A target from the issues: a bound on one figure. */
export interface Target {
  label: string;
  higherIsBetter: boolean;
  bound: number;
  /** True when reaching the bound exactly meets the target. */
  inclusive?: boolean;
}

/** The targets of issue 11 (build rate, search p50/p99, memory) and of the earlier issues 3 and 6 (ask, cold start, HNSW recall). */
export const TARGETS = {
  buildRate: { label: '>= 4,000/s', higherIsBetter: true, bound: 4000, inclusive: true },
  searchP50: { label: '<= 1 ms', higherIsBetter: false, bound: 1, inclusive: true },
  searchP99: { label: '<= 5 ms', higherIsBetter: false, bound: 5, inclusive: true },
  askP50: { label: '< 20 ms', higherIsBetter: false, bound: 20 },
  coldStart: { label: '< 1,000 ms', higherIsBetter: false, bound: 1000 },
  memory: { label: '<= 500 MB', higherIsBetter: false, bound: 500, inclusive: true },
  hnswRecall: { label: '>= 0.98', higherIsBetter: true, bound: 0.98, inclusive: true },
} as const satisfies Record<string, Target>;

/** Whether a figure meets its target. */
export function meets(target: Target, value: number): boolean {
  if (value === target.bound) return target.inclusive === true;
  return target.higherIsBetter ? value > target.bound : value < target.bound;
}

function verdict(target: Target | null, value: number | undefined): string {
  if (!target) return '';
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return meets(target, value) ? 'pass' : 'MISS';
}

/** "3.2x better" or "0.5x (worse)": how Scoop compares with the peer on one figure. */
function ratio(ours: number | undefined, theirs: number | undefined, higherIsBetter: boolean): string {
  if (ours === undefined || theirs === undefined || !Number.isFinite(ours) || !Number.isFinite(theirs) || ours <= 0 || theirs <= 0) return '';
  const factor = higherIsBetter ? ours / theirs : theirs / ours;
  return factor >= 1 ? `${factor >= 10 ? factor.toFixed(0) : factor.toFixed(1)}x ahead` : `${factor.toFixed(2)}x (behind)`;
}

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));
const whole = (value: number | undefined) => (value === undefined ? 'n/a' : Math.round(value).toLocaleString('en-US'));

function sizeRows(size: SizeResult): string[][] {
  const { build, serve, recall, peer } = size;
  const name = `${size.corpus} @ ${(build?.passages ?? serve?.passages ?? size.targetPassages).toLocaleString('en-US')}`;
  const peerSearch = (pick: 'p50' | 'p99') =>
    peer ? `${ms(peer.search.hybrid[pick])} (bm25 ${ms(peer.search.bm25[pick])}, vector ${ms(peer.search.vector[pick])})` : 'n/a';
  const rows: [string, string, Target | null, number | undefined, string, string][] = [
    ['build (passages/s)', whole(build?.passagesPerSecond), TARGETS.buildRate, build?.passagesPerSecond, whole(peer?.passagesPerSecond), ratio(build?.passagesPerSecond, peer?.passagesPerSecond, true)],
    ['  of which split+embed+facts (ms)', build ? `${ms(build.steps.split)}+${ms(build.steps.embed)}+${ms(build.steps.facts)} of ${ms(build.buildMs)}` : 'n/a', null, undefined, '', ''],
    ['search p50 (ms)', ms(serve?.search.p50), TARGETS.searchP50, serve?.search.p50, peerSearch('p50'), ratio(serve?.search.p50, peer?.search.hybrid.p50, false)],
    ['search p99 (ms)', ms(serve?.search.p99), TARGETS.searchP99, serve?.search.p99, peerSearch('p99'), ratio(serve?.search.p99, peer?.search.hybrid.p99, false)],
    ['ask p50 (ms)', ms(serve?.ask.p50), TARGETS.askP50, serve?.ask.p50, ms(peer?.ask.p50), ratio(serve?.ask.p50, peer?.ask.p50, false)],
    ['ask p99 (ms)', ms(serve?.ask.p99), null, serve?.ask.p99, ms(peer?.ask.p99), ratio(serve?.ask.p99, peer?.ask.p99, false)],
    ['cold start (ms)', ms(serve?.coldStartMs), TARGETS.coldStart, serve?.coldStartMs, peer ? `${ms(peer.buildMs)} (rebuild)` : 'n/a', ratio(serve?.coldStartMs, peer?.buildMs, false)],
    ['up-to-date check (ms)', ms(serve?.upToDateMs), null, serve?.upToDateMs, '', ''],
    ['peak RSS, build (MB)', whole(build?.peakRssMb), TARGETS.memory, build?.peakRssMb, whole(peer?.peakRssMb), ratio(build?.peakRssMb, peer?.peakRssMb, false)],
    ['peak RSS, serving (MB)', whole(serve?.peakRssMb), TARGETS.memory, serve?.peakRssMb, whole(peer?.peakRssMb), ratio(serve?.peakRssMb, peer?.peakRssMb, false)],
    ['HNSW recall@10 vs exact', recall ? formatNumber(recall.recallAt10) : 'n/a', TARGETS.hnswRecall, recall?.recallAt10, peer ? '1.000 (exact scan)' : 'n/a', ''],
  ];
  return rows.map(([figure, value, target, raw, peerValue, comparison]) => [
    name,
    figure,
    value,
    target?.label ?? '',
    verdict(target, raw),
    peerValue,
    comparison,
  ]);
}

interface DiscordFigures {
  concurrency: number;
  rounds: number;
  acknowledgement: { p50: number; p99: number };
  answer: { p50: number; p99: number };
  targets: { acknowledgementP99Ms: number; answerP99Ms: number };
  meetsTargets: boolean;
  metrics?: { on: boolean; scrapes: number };
}

function isDiscordFigures(value: unknown): value is DiscordFigures {
  const v = value as DiscordFigures;
  return typeof v === 'object' && v !== null && typeof v.acknowledgement?.p99 === 'number' && typeof v.answer?.p99 === 'number';
}

function isFeedsFigures(value: unknown): value is FeedsBenchFigures {
  return typeof value === 'object' && value !== null && 'feedToAnswers' in value && 'liveLag' in value;
}

/** One line on the Discord layer's latency (bench/discordLatency.ts), or its raw report when the shape is unknown. */
function describeDiscord(discord: unknown): string {
  if (!isDiscordFigures(discord)) return `Discord layer: ${JSON.stringify(discord)}`;
  const { concurrency, rounds, acknowledgement: ack, answer, targets } = discord;
  return [
    `Discord layer (${rounds} bursts of ${concurrency} concurrent /ask through discord.js against the fake Discord of the tests):`,
    `  acknowledgement p50 ${ms(ack.p50)} ms, p99 ${ms(ack.p99)} ms (target < ${targets.acknowledgementP99Ms} ms: ${ack.p99 < targets.acknowledgementP99Ms ? 'pass' : 'MISS'})`,
    `  answer p50 ${ms(answer.p50)} ms, p99 ${ms(answer.p99)} ms (target < ${targets.answerP99Ms} ms: ${answer.p99 < targets.answerP99Ms ? 'pass' : 'MISS'})`,
    ...(discord.metrics ? [`  metrics endpoint ${discord.metrics.on ? `on, scraped ${discord.metrics.scrapes} times during the bursts` : 'off'}`] : []),
  ].join('\n');
}

/** Scoop beside each search library at one size: search p50/p99, build rate, cold start, peak memory, with the ratios. */
function searchPeerRows(size: SizeResult): string[][] {
  const { build, serve } = size;
  const name = `${size.corpus} @ ${(serve?.passages ?? build?.passages ?? size.targetPassages).toLocaleString('en-US')}`;
  const scoopRow = [name, 'Scoop', ms(serve?.search.p50), ms(serve?.search.p99), whole(build?.passagesPerSecond), ms(serve?.coldStartMs), whole(serve?.peakRssMb), ''];
  const peerRows = (size.searchPeers ?? []).map((peer) => [
    name,
    peer.name,
    ms(peer.search.p50),
    ms(peer.search.p99),
    whole(peer.passagesPerSecond),
    ms(peer.coldStartMs),
    whole(peer.peakRssMb),
    `p50 ${ratio(serve?.search.p50, peer.search.p50, false)}, p99 ${ratio(serve?.search.p99, peer.search.p99, false)}`,
  ]);
  return peerRows.length > 0 ? [scoopRow, ...peerRows] : [];
}

/** The table `npm run bench` prints: one row per figure and size, with target, verdict, the peer and the ratio. */
export function formatBenchReport(report: BenchReport): string {
  const header = ['corpus @ passages', 'figure', 'Scoop', 'target', 'verdict', 'peer (hybrid)', 'Scoop vs peer'];
  const rows = report.sizes.flatMap(sizeRows);
  const errors = report.sizes.flatMap((size) => size.errors.map((error) => `${size.corpus} @ ${size.targetPassages}: ${error}`));
  const { machine } = report;
  return [
    `Machine: ${machine.cpuModel}, ${machine.cpus} cores, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform})${machine.loadAverage ? `; load average ${machine.loadAverage.start.toFixed(1)} at start, ${machine.loadAverage.end.toFixed(1)} at end` : ''}`,
    `Command: ${report.command}${report.revision ? ` at ${report.revision}` : ''}`,
    '',
    renderTable(header, rows),
    '',
    ...searchPeerTable(report),
    ...(report.discord === undefined ? [] : [describeDiscord(report.discord), '']),
    ...(report.live === undefined ? [] : [isFeedsFigures(report.live) ? describeFeedsBench(report.live) : `Live news: ${JSON.stringify(report.live)}`, '']),
    'Notes:',
    ...report.notes.map((note) => `  - ${note}`),
    ...(errors.length > 0 ? ['', 'Errors:', ...errors.map((error) => `  - ${error}`)] : []),
    '',
    `Done in ${(report.ms / 1000).toFixed(0)} s.`,
  ].join('\n');
}

function searchPeerTable(report: BenchReport): string[] {
  const rows = report.sizes.flatMap(searchPeerRows);
  if (rows.length === 0) return [];
  return [
    'Search libraries over the same passages and queries (serving figures for Scoop; build rate from its build):',
    renderTable(['corpus @ passages', 'system', 'search p50 (ms)', 'search p99 (ms)', 'build (passages/s)', 'cold start (ms)', 'peak RSS (MB)', 'Scoop vs it (search)'], rows),
    '',
  ];
}
