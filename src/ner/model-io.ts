/**
 * The model file: gzip of `DNER` + version byte + u32 header length + JSON header + arrays.
 * Weights are stored as int16 with one scale per pass (quantisation costs < 0.05 F1);
 * the lexicon tables are hashed keys (Float64), so no text of the training data is stored.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Lexicon } from './lexicon.ts';
import { Perceptron } from './perceptron.ts';
import { NerModel } from './pipeline.ts';
import type { Scheme } from './spans.ts';

const MAGIC = 'DNER';
const VERSION = 1;

interface Header {
  scheme: Scheme;
  bits: number;
  tags: string[];
  scales: number[];
  lexicon: number[];
  trainedOn: string;
  created: string;
}

function quantize(w: Float32Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return { q, scale };
}

function dequantize(q: Int16Array, scale: number): Float32Array {
  // Shared memory, so that worker threads can tag with these very weights (see `modelParts`)
  // rather than loading and holding a copy of their own (75 MB).
  const w = new Float32Array(new SharedArrayBuffer(q.length * 4));
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * scale;
  return w;
}

export function serializeModel(model: NerModel, trainedOn: string): Buffer {
  const lex = model.lex.toArrays();
  const q1 = quantize(model.pass1.w);
  const q2 = quantize(model.pass2.w);
  const header: Header = {
    scheme: model.scheme,
    bits: model.bits,
    tags: model.tags,
    scales: [q1.scale, q2.scale],
    lexicon: lex.map((a) => a.length),
    trainedOn,
    created: 'npm run train',
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(9);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt8(VERSION, 4);
  head.writeUInt32LE(json.length, 5);
  // Pad the header so the Float64 arrays start 8-byte aligned.
  const pad = Buffer.alloc((8 - ((9 + json.length) % 8)) % 8);
  const parts = [head, json, pad, ...lex.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), Buffer.from(q1.q.buffer), Buffer.from(q2.q.buffer)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function saveModel(model: NerModel, path: string, trainedOn: string): void {
  writeFileSync(path, serializeModel(model, trainedOn));
}

export function deserializeModel(gz: Buffer): NerModel {
  const buf = gunzipSync(gz);
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a Dossier NER model file');
  if (buf.readUInt8(4) !== VERSION) throw new Error(`unsupported NER model version ${buf.readUInt8(4)}`);
  const len = buf.readUInt32LE(5);
  const header = JSON.parse(buf.toString('utf8', 9, 9 + len)) as Header;
  let at = 9 + len;
  at += (8 - (at % 8)) % 8;
  // Copy into fresh, aligned buffers.
  const lexArrays = header.lexicon.map((n) => {
    const a = new Float64Array(n);
    Buffer.from(a.buffer).set(buf.subarray(at, at + n * 8));
    at += n * 8;
    return a;
  });
  const size = (1 << header.bits) * header.tags.length;
  const readQ = (): Int16Array => {
    const q = new Int16Array(size);
    Buffer.from(q.buffer).set(buf.subarray(at, at + size * 2));
    at += size * 2;
    return q;
  };
  const w1 = dequantize(readQ(), header.scales[0]!);
  const w2 = dequantize(readQ(), header.scales[1]!);
  const nt = header.tags.length;
  return new NerModel(header.scheme, header.bits, Lexicon.fromArrays(lexArrays), new Perceptron(nt, header.bits, w1), new Perceptron(nt, header.bits, w2));
}

export function loadModelFile(path: string): NerModel {
  return deserializeModel(readFileSync(path));
}

/** What a worker thread needs to rebuild a loaded model: its weights shared, its lexicon copied. */
export interface ModelParts {
  readonly scheme: Scheme;
  readonly bits: number;
  readonly nt: number;
  readonly lexicon: Float64Array[];
  readonly w1: Float32Array;
  readonly w2: Float32Array;
}

/** The parts of `model` to post to a worker thread (weights in shared memory are not copied). */
export function modelParts(model: NerModel): ModelParts {
  return { scheme: model.scheme, bits: model.bits, nt: model.tags.length, lexicon: model.lex.toArrays(), w1: model.pass1.w, w2: model.pass2.w };
}

/** The model `modelParts` describes. */
export function modelFromParts(parts: ModelParts): NerModel {
  const { scheme, bits, nt } = parts;
  return new NerModel(scheme, bits, Lexicon.fromArrays(parts.lexicon), new Perceptron(nt, bits, parts.w1), new Perceptron(nt, bits, parts.w2));
}
