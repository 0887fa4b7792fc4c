/**
 * W&B's record log, the format of run-<id>.wandb (wandb/sdk/internal/datastore.py,
 * core/pkg/leveldb): LevelDB's log format with a file header. The file starts
 * with ":W&B", the magic 0xBEE1 (uint16, little-endian) and version 0; then
 * 32 KiB blocks of chunks, each with a 7-byte header (checksum uint32, length
 * uint16, type uint8: FULL, or FIRST, MIDDLE… LAST for a record split across
 * blocks). W&B's checksum is the IEEE CRC-32 of the type byte and the data
 * (LevelDB itself uses a masked CRC-32C). Fewer than 7 bytes left in a block
 * are zero padding.
 *
 * A log cut short or damaged yields every record before the damage and says
 * at which byte and why it stopped, as `wandb sync` would have to.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export const BLOCK_SIZE = 32 * 1024;
export const HEADER_SIZE = 7;
export const FILE_HEADER = Buffer.from([0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, 0x00]);

export const ChunkType = { full: 1, first: 2, middle: 3, last: 4 } as const;

/** The checksum W&B writes for a chunk of `type` holding `data`. */
export function chunkChecksum(type: number, data: Uint8Array): number {
  return crc32(data, crc32(Buffer.from([type])));
}

export interface LogStop {
  /** Byte offset in the file where reading stopped. */
  offset: number;
  reason: string;
}

export interface LogReading {
  /** Set once the generator is done when the log did not end cleanly. */
  stop?: LogStop;
}

/** Reads a file block by block, so that a log of any size is held one block at a time. */
class Blocks {
  private readonly descriptor: number;
  readonly size: number;
  private block = Buffer.alloc(BLOCK_SIZE);
  private blockStart = -1;
  private blockLength = 0;

  constructor(path: string) {
    this.descriptor = openSync(path, 'r');
    this.size = fstatSync(this.descriptor).size;
  }

  /** Bytes [offset, offset + length) within one block, or fewer where the file ends. */
  read(offset: number, length: number): Buffer {
    const start = offset - (offset % BLOCK_SIZE);
    if (start !== this.blockStart) {
      this.blockLength = readSync(this.descriptor, this.block, 0, BLOCK_SIZE, start);
      this.blockStart = start;
    }
    const from = offset - start;
    return this.block.subarray(from, Math.min(from + length, this.blockLength));
  }

  close(): void {
    closeSync(this.descriptor);
  }
}

/** The records of a W&B log, each a protobuf `Record` still encoded; `reading.stop` says where a damaged log ended. */
export function* readRecordLog(path: string, reading: LogReading): Generator<Uint8Array> {
  const blocks = new Blocks(path);
  try {
    const header = blocks.read(0, HEADER_SIZE);
    if (header.length < HEADER_SIZE || !header.subarray(0, 6).equals(FILE_HEADER.subarray(0, 6))) {
      reading.stop = { offset: 0, reason: 'the file does not start with the W&B log header (":W&B", magic 0xBEE1)' };
      return;
    }
    if (header[6] !== FILE_HEADER[6]) {
      reading.stop = { offset: 6, reason: `log format version ${header[6]}, this reader knows version 0` };
      return;
    }
    let offset = HEADER_SIZE;
    let pending: Buffer[] | undefined;
    let recordStart = offset;
    while (offset < blocks.size) {
      const left = BLOCK_SIZE - (offset % BLOCK_SIZE);
      if (left < HEADER_SIZE) {
        offset += left;
        continue;
      }
      const chunkHeader = blocks.read(offset, HEADER_SIZE);
      if (chunkHeader.length < HEADER_SIZE) {
        reading.stop = { offset, reason: 'the log ends inside a chunk header (cut short while being written)' };
        return;
      }
      const checksum = chunkHeader.readUInt32LE(0);
      const length = chunkHeader.readUInt16LE(4);
      const type = chunkHeader[6]!;
      if (checksum === 0 && length === 0 && type === 0) {
        // Zeros where a chunk would start: the rest of the block was never written.
        offset += left;
        continue;
      }
      if (HEADER_SIZE + length > left) {
        reading.stop = { offset, reason: `a chunk of ${length} bytes does not fit in its 32 KiB block (damaged header)` };
        return;
      }
      const data = blocks.read(offset + HEADER_SIZE, length);
      if (data.length < length) {
        reading.stop = { offset, reason: `the log ends inside a chunk (${data.length} of ${length} bytes; cut short while being written)` };
        return;
      }
      if (chunkChecksum(type, data) !== checksum) {
        reading.stop = { offset, reason: 'a chunk checksum does not match its data (damaged)' };
        return;
      }
      const expectsContinuation = pending !== undefined;
      if ((type === ChunkType.full || type === ChunkType.first) === expectsContinuation || type < ChunkType.full || type > ChunkType.last) {
        reading.stop = { offset: expectsContinuation ? recordStart : offset, reason: `chunk type ${type} where ${expectsContinuation ? 'the rest of a split record' : 'a new record'} should start (damaged)` };
        return;
      }
      if (type === ChunkType.first) recordStart = offset;
      offset += HEADER_SIZE + length;
      if (type === ChunkType.full) yield new Uint8Array(data);
      else if (type === ChunkType.first) pending = [Buffer.from(data)];
      else {
        pending!.push(Buffer.from(data));
        if (type === ChunkType.last) {
          yield new Uint8Array(Buffer.concat(pending!));
          pending = undefined;
        }
      }
    }
    if (pending) reading.stop = { offset: recordStart, reason: 'the log ends inside a record split across blocks (cut short while being written)' };
  } finally {
    blocks.close();
  }
}
