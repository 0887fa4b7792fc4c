/**
 * W&B's `Record` message type, from the vendored wandb_internal.proto
 * (proto/README.md), loaded once with protobufjs. Field names are kept as the
 * .proto spells them (run_id, value_json), and 64-bit integers read as numbers.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const PROTO_FOLDER = fileURLToPath(new URL('./proto/', import.meta.url));

let recordType: protobuf.Type | undefined;

/** The wandb_internal.Record type. */
export function wandbRecordType(): protobuf.Type {
  if (recordType) return recordType;
  const root = new protobuf.Root();
  // The .proto files import each other as wandb/proto/<name>; they sit side by side here. google/protobuf types come with protobufjs.
  root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : join(PROTO_FOLDER, target.slice(target.lastIndexOf('/') + 1)));
  root.loadSync('wandb_internal.proto', { keepCase: true });
  recordType = root.lookupType('wandb_internal.Record');
  return recordType;
}

export const TO_OBJECT = { longs: Number, enums: String, defaults: false } as const;
