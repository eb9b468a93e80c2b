// `--shard K/N`, or `--shard auto` from a scheduler's job array: which slice of the sorted input
// this process takes. Slurm job arrays give the task's index and the array's size and first
// index; a Kubernetes Indexed Job gives only the index, so its count comes with the option
// (`--shard auto/N`, N = the Job's completions).

import { InvalidArgumentError } from 'commander';

export interface Shard {
  k: number;
  n: number;
}

/** What the option says: a slice, or "ask the scheduler" (with a count for Kubernetes). */
export type ShardSpec = Shard | { auto: true; n: number | null };

type Env = Record<string, string | undefined>;

export function parseShardSpec(value: string): ShardSpec {
  const auto = /^auto(?:\/(\d+))?$/.exec(value);
  if (auto) {
    const n = auto[1] === undefined ? null : Number(auto[1]);
    if (n === 0) throw new InvalidArgumentError(`expected auto/N with N ≥ 1, got "${value}"`);
    return { auto: true, n };
  }
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new InvalidArgumentError(`expected K/N with 1 ≤ K ≤ N, or auto, got "${value}"`);
  return { k, n };
}

function integer(env: Env, name: string): number | null {
  const v = env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : null;
}

/** The slice for a spec: the scheduler's, for `auto`. Throws a message for the user when it cannot tell. */
export function resolveShard(spec: ShardSpec, env: Env): Shard & { from: string } {
  if (!('auto' in spec)) return { ...spec, from: '--shard' };
  const slurmId = integer(env, 'SLURM_ARRAY_TASK_ID');
  const index = integer(env, 'JOB_COMPLETION_INDEX');
  let shard: Shard & { from: string };
  if (slurmId !== null) {
    const count = integer(env, 'SLURM_ARRAY_TASK_COUNT');
    const min = integer(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const max = integer(env, 'SLURM_ARRAY_TASK_MAX');
    const step = integer(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
    if (count === null) throw new Error('--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not');
    if (step !== 1 || (max !== null && max - min + 1 !== count)) {
      throw new Error(`--shard auto: the Slurm array must be one contiguous range (--array=${min}-${min + count - 1}), not ${min}-${max ?? '?'}:${step}`);
    }
    shard = { k: slurmId - min + 1, n: count, from: `Slurm array task ${slurmId} of ${min}-${min + count - 1}` };
  } else if (index !== null) {
    if (spec.n === null) throw new Error('--shard auto: JOB_COMPLETION_INDEX needs the number of completions: --shard auto/N');
    shard = { k: index + 1, n: spec.n, from: `Kubernetes completion index ${index} of ${spec.n}` };
  } else {
    throw new Error('--shard auto: no job array found (SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX with --shard auto/N)');
  }
  if (spec.n !== null && spec.n !== shard.n) throw new Error(`--shard auto/${spec.n}: the job array has ${shard.n} tasks`);
  if (shard.k < 1 || shard.k > shard.n) throw new Error(`--shard auto: task ${shard.k} is outside 1-${shard.n} (${shard.from})`);
  return shard;
}
