/**
 * Writes a run-<id>.wandb log the way wandb's datastore does: the ":W&B"
 * header, then each protobuf Record (encoded with the vendored
 * wandb_internal.proto) in 32 KiB blocks as FULL or FIRST/MIDDLE…/LAST
 * chunks with W&B's CRC-32, blocks ending in fewer than 7 bytes padded with zeros.
 */
import { writeFileSync } from 'node:fs';
import { BLOCK_SIZE, chunkChecksum, ChunkType, FILE_HEADER, HEADER_SIZE } from '../../src/importers/wandb/record-log.ts';
import { wandbRecordType } from '../../src/importers/wandb/schema.ts';

export function encodeRecord(record: Record<string, unknown>): Uint8Array {
  const type = wandbRecordType();
  const message = type.fromObject(record);
  const problem = type.verify(message);
  if (problem) throw new Error(`not a W&B Record: ${problem}`);
  return type.encode(message).finish();
}

export function logBytes(records: Record<string, unknown>[]): Buffer {
  const parts: Buffer[] = [FILE_HEADER];
  let offset = FILE_HEADER.length;
  const chunk = (type: number, data: Uint8Array) => {
    const header = Buffer.alloc(HEADER_SIZE);
    header.writeUInt32LE(chunkChecksum(type, data), 0);
    header.writeUInt16LE(data.length, 4);
    header[6] = type;
    parts.push(header, Buffer.from(data));
    offset += HEADER_SIZE + data.length;
  };
  for (const record of records) {
    const data = encodeRecord(record);
    if (BLOCK_SIZE - (offset % BLOCK_SIZE) < HEADER_SIZE) {
      const pad = BLOCK_SIZE - (offset % BLOCK_SIZE);
      parts.push(Buffer.alloc(pad));
      offset += pad;
    }
    let used = 0;
    let first = true;
    while (true) {
      const room = BLOCK_SIZE - (offset % BLOCK_SIZE) - HEADER_SIZE;
      const rest = data.length - used;
      if (rest <= room) {
        chunk(first ? ChunkType.full : ChunkType.last, data.subarray(used));
        break;
      }
      chunk(first ? ChunkType.first : ChunkType.middle, data.subarray(used, used + room));
      used += room;
      first = false;
    }
  }
  return Buffer.concat(parts);
}

export function writeLog(path: string, records: Record<string, unknown>[]): Buffer {
  const bytes = logBytes(records);
  writeFileSync(path, bytes);
  return bytes;
}

/** A history record as wandb.log writes one: each value as JSON, _step, _runtime and _timestamp beside them. */
export function historyRecord(step: number, timestamp: number, values: Record<string, unknown>): Record<string, unknown> {
  const items = Object.entries({ ...values, _step: step, _runtime: step * 10, _timestamp: timestamp }).map(([key, value]) => ({
    key,
    value_json: typeof value === 'number' && !Number.isFinite(value) ? (Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity') : JSON.stringify(value),
  }));
  return { history: { item: items, step: { num: step } } };
}
