/**
 * A minimal Language Server Protocol client over stdio, enough to ask a
 * language server what an editor would (hover, completion, diagnostics).
 * Requests from the server (configuration, capability registration) are
 * answered with null, as an editor with default settings does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export interface LspClient {
  request<T = unknown>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): void;
  /** Resolves with the first notification of `method` whose params satisfy `accept`. */
  notification<T>(method: string, accept: (params: T) => boolean): Promise<T>;
  close(): void;
}

export function startLanguageServer(command: string, args: string[], cwd: string): LspClient {
  const server: ChildProcessWithoutNullStreams = spawn(command, args, { cwd, stdio: 'pipe' });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners: { method: string; accept: (params: unknown) => boolean; resolve: (params: unknown) => void }[] = [];
  let nextId = 1;
  let buffer = Buffer.alloc(0);

  const send = (message: Message) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const receive = (message: Message) => {
    if (message.method && message.id !== undefined) return send({ id: message.id, result: null });
    if (message.method) {
      for (const listener of listeners.filter((entry) => entry.method === message.method && entry.accept(message.params))) {
        listeners.splice(listeners.indexOf(listener), 1);
        listener.resolve(message.params);
      }
      return;
    }
    const waiting = message.id !== undefined ? pending.get(message.id) : undefined;
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  };
  server.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString();
      buffer = buffer.subarray(headerEnd + 4 + length);
      receive(JSON.parse(body) as Message);
    }
  });

  return {
    request<T>(method: string, params: unknown) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        send({ id, method, params });
      });
    },
    notify(method, params) {
      send({ method, params });
    },
    notification<T>(method: string, accept: (params: T) => boolean) {
      return new Promise<T>((resolve) => listeners.push({ method, accept: accept as (params: unknown) => boolean, resolve: resolve as (params: unknown) => void }));
    },
    close() {
      server.kill();
    },
  };
}
