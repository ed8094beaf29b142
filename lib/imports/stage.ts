import "server-only";
// Uploads arrive in chunks (a browser sends `file.slice()`s, so no request holds a whole file) and
// are appended to `.keel/imports/<run>/<file>.csv`; the last chunk stages the file: papaparse
// streams it from disk into ImportRow, a few thousand rows per statement, never the whole file
// in memory.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import Papa from "papaparse";
import { rawPool } from "@/lib/db-raw";
import { AppError } from "@/lib/errors";

export const IMPORT_ROOT = () => process.env.KEEL_IMPORT_DIR ?? path.join(process.cwd(), ".keel", "imports");
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const STAGE_BATCH = 2000;

export const filePath = (runId: string, fileId: string) => path.join(IMPORT_ROOT(), runId, `${fileId}.csv`);

export async function sizeOnDisk(runId: string, fileId: string): Promise<number> {
  try {
    return (await stat(filePath(runId, fileId))).size;
  } catch {
    return 0;
  }
}

/** Appends one chunk at `offset` (a retried chunk at the wrong offset is refused, not doubled). */
export async function appendChunk(runId: string, fileId: string, offset: number, body: ReadableStream<Uint8Array> | Readable | null): Promise<number> {
  const target = filePath(runId, fileId);
  await mkdir(path.dirname(target), { recursive: true });
  const current = await sizeOnDisk(runId, fileId);
  if (current !== offset) {
    throw new AppError("CONFLICT", `The upload is at byte ${current}; send the chunk from there.`, { details: { offset: current } });
  }
  if (!body) return current;
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > MAX_CHUNK_BYTES) return done(new AppError("VALIDATION_FAILED", `Send at most ${MAX_CHUNK_BYTES / 1024 / 1024} MB per chunk.`));
      if (current + bytes > MAX_FILE_BYTES) return done(new AppError("VALIDATION_FAILED", `A file may have at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`));
      done(null, chunk);
    },
  });
  const source = body instanceof Readable ? body : Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  try {
    await pipeline(source, limit, createWriteStream(target, { flags: "a" }));
  } catch (error) {
    // Never keep a partial chunk: the client retries it from the same offset.
    const { truncate } = await import("node:fs/promises");
    await truncate(target, current).catch(() => {});
    throw error;
  }
  return current + bytes;
}

/** Streams a CSV from disk record by record (quoted new lines, CRLF, BOM handled by papaparse). */
export async function* csvRecords(file: string): AsyncGenerator<string[]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: true });
  const input = createReadStream(file, { encoding: "utf8" });
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let first = true;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (first && record.length && typeof record[0] === "string") record[0] = record[0].replace(/^\uFEFF/, "");
    first = false;
    yield record;
  }
}

/** Parses the uploaded file into ImportRow (header kept on the file); returns headers and row count. */
export async function stageFile(runId: string, fileId: string): Promise<{ headers: string[]; rowCount: number }> {
  const pool = rawPool();
  await pool.query(`DELETE FROM "ImportRow" WHERE "fileId" = $1`, [fileId]);
  let headers: string[] | null = null;
  let rowNo = 0;
  let batch: string[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    await pool.query(
      `INSERT INTO "ImportRow" ("fileId", "rowNo", "cells")
       SELECT $1::uuid, $2::int + x.ord::int, x.elem FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS x(elem, ord)`,
      [fileId, rowNo - batch.length, JSON.stringify(batch)],
    );
    batch = [];
  };
  for await (const record of csvRecords(filePath(runId, fileId))) {
    if (!headers) {
      headers = record.map((h, i) => h.replace(/^[\s\uFEFF]+|\s+$/g, "") || `Column ${i + 1}`);
      continue;
    }
    batch.push(record);
    rowNo++;
    if (batch.length >= STAGE_BATCH) await flush();
  }
  await flush();
  if (!headers) throw new AppError("VALIDATION_FAILED", "That file is empty: it needs a header row and at least one record.");
  await pool.query(`UPDATE "ImportFile" SET "headers" = $2, "rowCount" = $3, "staged" = true, "size" = $4 WHERE "id" = $1`, [fileId, headers, rowNo, await sizeOnDisk(runId, fileId)]);
  return { headers, rowCount: rowNo };
}

export async function removeRunFiles(runId: string) {
  await rm(path.join(IMPORT_ROOT(), runId), { recursive: true, force: true });
}
