/**
 * Results that a worker thread posts one by one, read synchronously: the
 * catalog loads in one synchronous pass, so this thread blocks on a shared
 * counter rather than its event loop. A worker that fails or stalls is given
 * up on, and the caller does that work itself.
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';

/** Without word from the worker for this long, it is given up on. */
const STALL_MS = 3000;

interface Channel {
  progress: SharedArrayBuffer;
  port: MessagePort;
}

export interface WorkerResults<K, T> {
  /** The result for `key`, waiting for the worker; undefined once the worker has failed or stalled. */
  take(key: K): T | undefined;
  /** Stops the worker: what it did not post, the caller does. */
  stop(): void;
}

/** Starts `url` as a worker with `data`; it posts through `workerChannel()`. Undefined if no worker can start. */
export function startWorker<K, T>(url: URL, data: object, keyOf: (result: T) => K): WorkerResults<K, T> | undefined {
  const progress = new SharedArrayBuffer(4);
  const posted = new Int32Array(progress);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    // The worker writes to port2 directly: receiveMessageOnPort reads it without this thread's event loop.
    worker = new Worker(url, { workerData: { ...data, channel: { progress, port: port2 } satisfies Channel }, transferList: [port2] });
  } catch {
    return undefined;
  }
  // A worker that fails stops making progress; take() notices and gives up on it.
  worker.on('error', () => undefined);
  worker.unref();
  const results = new Map<K, T>();
  let stopped = false;
  let seen = 0;
  const stop = () => {
    stopped = true;
    void worker.terminate();
  };
  return {
    take(key) {
      while (!results.has(key) && !stopped) {
        const message = receiveMessageOnPort(port1)?.message as T | undefined;
        if (message !== undefined) {
          results.set(keyOf(message), message);
          continue;
        }
        if (Atomics.wait(posted, 0, seen, STALL_MS) === 'timed-out' && Atomics.load(posted, 0) === seen) stop();
        seen = Atomics.load(posted, 0);
      }
      const result = results.get(key);
      results.delete(key);
      return result;
    },
    stop,
  };
}

/** Inside a worker started by startWorker: its data, and how it posts each result. */
export function workerChannel<D>(): { data: D; post(result: unknown): void } {
  const { channel, ...data } = workerData as D & { channel: Channel };
  const posted = new Int32Array(channel.progress);
  return {
    data: data as D,
    post(result) {
      channel.port.postMessage(result);
      Atomics.add(posted, 0, 1);
      Atomics.notify(posted, 0);
    },
  };
}
