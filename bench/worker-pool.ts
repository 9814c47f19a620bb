/**
 * A small pool of extraction workers with a per-task time limit. A task that runs past the limit,
 * throws, or kills its worker yields an error result; the worker is replaced and the run goes on.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerResult, WorkerTask } from './extract-worker';

interface Slot {
  worker: Worker;
  tasksDone: number;
  busy: boolean;
  /** Booted (modules loaded, extractors warmed): tasks are timed from dispatch, so boot must not count. */
  ready: boolean;
}

interface Pending {
  id: number;
  task: WorkerTask;
  resolve: (r: WorkerResult) => void;
}

const WORKER_URL = new URL('./extract-worker-boot.mjs', import.meta.url);

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;

  /**
   * @param size number of worker threads
   * @param timeoutMs wall-clock limit per task
   * @param recycleAfter replace a worker after this many tasks, so leaks in an extractor stay bounded
   */
  constructor(
    size: number,
    private readonly timeoutMs: number,
    private readonly recycleAfter = 200,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 3072 } });
    worker.unref();
    const slot: Slot = { worker, tasksDone: 0, busy: false, ready: false };
    // A worker's boot (tsx compiling the extractors, jsdom's first load) takes seconds on a busy
    // machine: counted in its first task's time limit, it turned the first pages into timeouts.
    // A worker that fails to boot is handed its task anyway, which then fails as a crash would.
    const booted = (): void => {
      worker.off('message', onReady);
      worker.off('error', booted);
      worker.off('exit', booted);
      slot.ready = true;
      this.pump();
    };
    const onReady = (msg: { ready?: boolean }): void => {
      if (msg?.ready) booted();
    };
    worker.on('message', onReady);
    worker.on('error', booted);
    worker.on('exit', booted);
    return slot;
  }

  /** Runs one task; never rejects. */
  run(task: WorkerTask): Promise<WorkerResult> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      if (!this.slots[i].busy && this.slots[i].ready) this.dispatch(i, this.queue.shift()!);
    }
  }

  private dispatch(index: number, job: Pending): void {
    const slot = this.slots[index];
    slot.busy = true;
    const worker = slot.worker;
    let settled = false;
    const finish = (result: WorkerResult, replace: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      slot.tasksDone++;
      if (replace || slot.tasksDone >= this.recycleAfter) {
        void worker.terminate();
        this.slots[index] = this.spawn();
      } else {
        slot.busy = false;
      }
      job.resolve(result);
      this.pump();
    };
    const onMessage = (msg: { id: number; result: WorkerResult }) => {
      if (msg.id === job.id) finish(msg.result, false);
    };
    const onError = (err: Error) => finish({ ok: false, error: `worker crashed: ${err.message}` }, true);
    const onExit = (code: number) => finish({ ok: false, error: `worker exited with code ${code}` }, true);
    const timer = setTimeout(() => finish({ ok: false, error: `timeout after ${this.timeoutMs} ms` }, true), this.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id: job.id, task: job.task });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
