// The CLI runs as a short process (a send, a run of a collection): V8 hands a function to its
// optimizing compiler once it has run a budget of bytecode, and in a half-second run that compiler
// spends more than it saves (the explainer's thousand rule closures, the engine's request path).
// Four times V8's default budget (67,584): a 500-request run took 17 % less CPU and ~8 % less wall
// time with identical results (README, issue 12); long-lived commands (serve, watch) still get their
// hot code optimized, a little later. Set before any command's code loads.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setLetGoCollector } from '../engine/let-go';

export const INTERRUPT_BUDGET = 4 * 67_584;

type Gc = (options: { type: 'minor' }) => void;

/**
 * V8's own collector, from a process already running: a context made after --expose-gc is set gets
 * `gc`. Made on first use (a context costs ~1 ms), which only a run's big preview-only body reaches
 * (engine/let-go.ts).
 */
export function youngCollector(): () => void {
  let gc: Gc | undefined;
  return () => {
    if (!gc) {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as Gc;
    }
    gc({ type: 'minor' });
  };
}

/**
 * A regular expression compiled once, to native code, on its first run: by default V8 first compiles
 * it to bytecode and compiles it again natively once it runs a second time, and a refusal's explanation
 * runs ~150 large word and code expressions a few times each in a short process. Measured on the
 * bench's 403 (built explainer, 125 explanations): the first 36 -> 22 ms, the next 124 28 -> 22 ms
 * (README, issue 12). V8 11 (Node 20) and 12 (Node 22) both have the flag.
 */
export const REGEXP_FLAG = '--no-regexp-tier-up';

/**
 * The flags for this V8. V8 12 (Node 22) dropped --interrupt-budget (its tiers count invocations
 * instead), and setting a flag V8 does not know prints "Error: unrecognized flag" on every command.
 */
export function shortProcessFlags(v8Version: string = process.versions.v8): string[] {
  return Number(v8Version.split('.')[0]) < 12 ? [`--interrupt-budget=${INTERRUPT_BUDGET}`, REGEXP_FLAG] : [REGEXP_FLAG];
}

export function tuneForShortProcess(): void {
  for (const flag of shortProcessFlags()) setFlagsFromString(flag);
  setLetGoCollector(youngCollector());
}
