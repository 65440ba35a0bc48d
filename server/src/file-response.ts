/**
 * The success answer of a route that sends a file (xlsx, csv, pdf, an image, print html): its
 * content types in the OpenAPI document, in place of a JSON schema (openapi.test.ts). Fastify does
 * not serialise a Buffer, a stream, or a string sent with a non-JSON content type, so the schema
 * of a file only documents the body; it never touches it.
 */
import type { Readable } from 'node:stream';
import { z } from 'zod';

/** Media types as keys (no parameters): Fastify picks a response schema by the media type alone. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV = 'text/csv';
/** A stored file answered with its own content type (an image, a pdf …). */
export const ANY_FILE = '*/*';

/**
 * A file's body: a string in the document (binary for xlsx and stored files), typed as what the
 * handlers send. The cast is sound because Fastify never runs this schema on a Buffer, a stream or
 * a non-JSON string (see above).
 */
type FileBody = string | Buffer | Readable;
function fileBody(description: string) {
  return z
    .string()
    .meta({ format: 'binary' })
    .describe(`${description}（文件内容）`) as unknown as z.ZodType<FileBody>;
}

function fileContent(description: string, types: string[]) {
  const body = fileBody(description);
  return Object.fromEntries(types.map((t) => [t, { schema: body }]));
}

/** A 200 answer that is a file of one of `types`. */
export function fileResponse(description: string, ...types: string[]) {
  return { description, content: fileContent(description, types) };
}

/** A 200 answer that is JSON by default and a file when the query asks for one (format=csv …). */
export function jsonOrFileResponse<T extends z.ZodType>(
  json: T,
  description: string,
  ...types: string[]
) {
  // The type provider types the reply by the JSON schema alone: widened (a cast, types only) so
  // that a handler may also send the file; the JSON answer is still checked against `json`.
  const schema = json as unknown as z.ZodType<z.output<T> | FileBody>;
  return {
    description,
    content: { 'application/json': { schema }, ...fileContent(description, types) },
  };
}
