import { readFileSync } from 'node:fs';

const bytesPerMiB = 1024 * 1024;

/**
 * Samples this process's resident set (and, when given, a child's from /proc) on a timer. A window can be
 * restarted, so one phase of a run (the chain, without generation) gets its own peak.
 */
export class RssSampler {
  private timer?: NodeJS.Timeout;
  private peakBytes = 0;
  private windowPeakBytes = 0;
  private childPeakBytes = 0;
  private childPid?: number;
  private phase?: string;
  private readonly phases = new Map<string, PhasePeak>();

  public constructor(private readonly intervalMs = 100) {}

  public start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    // Sampling must never keep the process alive on its own.
    this.timer.unref();
  }

  public stop(): void {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  public watchChild(pid: number | undefined): void {
    this.childPid = pid;
    this.sample();
  }

  /** Starts a new window; `windowPeakMiB` then reports the peak since this call. */
  public restartWindow(): void {
    this.windowPeakBytes = process.memoryUsage().rss;
  }

  /** Attributes the following samples to a named phase (a stage), until the next call. */
  public enterPhase(name: string | undefined): void {
    this.sample();
    this.phase = name;
    this.sample();
  }

  /** Peak RSS per phase, with the V8 heap and external memory at that peak (the rest is native: DuckDB, zlib). */
  public phasePeaks(): Map<string, PhasePeak> {
    return new Map(this.phases);
  }

  public get peakMiB(): number {
    return this.peakBytes / bytesPerMiB;
  }

  public get windowPeakMiB(): number {
    return this.windowPeakBytes / bytesPerMiB;
  }

  /** Highest child RSS seen by sampling. */
  public get childPeakMiB(): number {
    return this.childPeakBytes / bytesPerMiB;
  }

  /** The kernel's own high-water mark for the child (VmHWM), exact rather than sampled; read before it exits. */
  public childHighWaterMiB(): number | undefined {
    const kib = this.childPid === undefined ? undefined : procStatusKiB(this.childPid, 'VmHWM');
    return kib === undefined ? undefined : kib / 1024;
  }

  public sample(): void {
    const usage = process.memoryUsage();
    const rss = usage.rss;
    if (this.phase !== undefined) {
      const previous = this.phases.get(this.phase);
      if (!previous || rss > previous.rssMiB * bytesPerMiB) {
        this.phases.set(this.phase, { rssMiB: rss / bytesPerMiB, heapUsedMiB: usage.heapUsed / bytesPerMiB, externalMiB: usage.external / bytesPerMiB });
      }
    }
    if (rss > this.peakBytes) this.peakBytes = rss;
    if (rss > this.windowPeakBytes) this.windowPeakBytes = rss;
    if (this.childPid !== undefined) {
      const childKiB = procStatusKiB(this.childPid, 'VmRSS');
      if (childKiB !== undefined && childKiB * 1024 > this.childPeakBytes) this.childPeakBytes = childKiB * 1024;
    }
  }
}

export interface PhasePeak {
  rssMiB: number;
  heapUsedMiB: number;
  /** C++ objects bound to JS, Buffers included. */
  externalMiB: number;
}

/** Peak RSS of this process over its whole life, from the kernel (getrusage ru_maxrss). */
export function processMaxRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A field of /proc/<pid>/status in KiB; undefined where /proc is absent (not Linux) or the process is gone. */
function procStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
