import type { TaskInput, UsageInput } from "../../src/domain/records.js";

const total = (u: UsageInput) =>
  u.input_tokens +
  u.output_tokens +
  (u.cache_read_tokens ?? 0) +
  (u.cache_write_5m_tokens ?? 0) +
  (u.cache_write_1h_tokens ?? 0);

/**
 * What the store is asked to do with imported usage: a record whose id was
 * seen before is the same response, and the larger counts are kept.
 */
export class StoreLike {
  readonly usage = new Map<string, UsageInput>();
  readonly tasks = new Map<string, TaskInput>();

  add(result: { usage: readonly UsageInput[]; tasks: readonly TaskInput[] }) {
    for (const record of result.usage) {
      const id = record.id as string;
      const before = this.usage.get(id);
      if (!before || total(record) > total(before)) this.usage.set(id, record);
    }
    for (const task of result.tasks) this.tasks.set(task.id as string, task);
    return this;
  }

  /** Token sums by correlation id. */
  sessions(): Map<
    string,
    { input: number; output: number; write: number; read: number }
  > {
    const sums = new Map<
      string,
      { input: number; output: number; write: number; read: number }
    >();
    for (const u of this.usage.values()) {
      const s = sums.get(u.correlation_id) ?? {
        input: 0,
        output: 0,
        write: 0,
        read: 0,
      };
      s.input += u.input_tokens;
      s.output += u.output_tokens;
      s.write +=
        (u.cache_write_5m_tokens ?? 0) + (u.cache_write_1h_tokens ?? 0);
      s.read += u.cache_read_tokens ?? 0;
      sums.set(u.correlation_id, s);
    }
    return sums;
  }
}
