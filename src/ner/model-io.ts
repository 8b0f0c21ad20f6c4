/**
 * The model file: gzip of `DNER` + version byte + u32 header length + JSON header + arrays.
 * Weights are stored as int16 with one scale per pass (quantisation costs < 0.05 F1);
 * the lexicon tables are hashed keys (Float64), so no text of the training data is stored.
 * Version 2 stores only the weights that are not zero (about 3 % of them), as their places and
 * values: the file inflates to 4 MB instead of 38, and loads in a fifth of the time.
 * Version 1 (every weight) is still read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Lexicon } from './lexicon.ts';
import { Perceptron } from './perceptron.ts';
import { NerModel } from './pipeline.ts';
import type { Scheme } from './spans.ts';

const MAGIC = 'DNER';
const VERSION = 2;

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

/** The weights of `q` that are not zero: their places (each as the step from the one before, which gzip packs better) and values. */
function sparse(q: Int16Array): { at: Uint32Array; q: Int16Array } {
  let n = 0;
  for (let i = 0; i < q.length; i++) if (q[i] !== 0) n++;
  const at = new Uint32Array(n);
  const values = new Int16Array(n);
  for (let i = 0, k = 0, last = 0; i < q.length; i++) {
    if (q[i] === 0) continue;
    at[k] = i - last;
    last = i;
    values[k++] = q[i]!;
  }
  return { at, q: values };
}

/**
 * `size` weights: the int16 `q` times `scale`, at the places `steps` lead to (every place when null), zero elsewhere.
 * In shared memory, so that worker threads can tag with these very weights (see `modelParts`)
 * rather than loading and holding a copy of their own (75 MB).
 */
function dequantize(size: number, q: Int16Array, scale: number, steps: Uint32Array | null): Float32Array {
  const w = new Float32Array(new SharedArrayBuffer(size * 4));
  if (steps === null) for (let i = 0; i < size; i++) w[i] = q[i]! * scale;
  else for (let k = 0, i = 0; k < steps.length; k++) w[(i += steps[k]!)] = q[k]! * scale;
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
  const nonZero = [q1.q, q2.q].map(sparse);
  const head = Buffer.alloc(9);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt8(VERSION, 4);
  head.writeUInt32LE(json.length, 5);
  // Pad the header so the Float64 arrays start 8-byte aligned.
  const pad = Buffer.alloc((8 - ((9 + json.length) % 8)) % 8);
  // Per pass: the count of weights that are not zero (u32), their places (u32 steps), their values (int16).
  const weights = nonZero.flatMap(({ at, q }) => [Buffer.from(new Uint32Array([at.length]).buffer), Buffer.from(at.buffer), Buffer.from(q.buffer)]);
  const parts = [head, json, pad, ...lex.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), ...weights];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function saveModel(model: NerModel, path: string, trainedOn: string): void {
  writeFileSync(path, serializeModel(model, trainedOn));
}

export function deserializeModel(gz: Buffer): NerModel {
  const buf = gunzipSync(gz);
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a Dossier NER model file');
  const version = buf.readUInt8(4);
  if (version !== 1 && version !== 2) throw new Error(`unsupported NER model version ${version}`);
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
  // Copies, aligned: the arrays in the file are at any offset.
  const read = <T extends Uint32Array | Int16Array>(make: (n: number) => T, n: number): T => {
    const a = make(n);
    Buffer.from(a.buffer).set(buf.subarray(at, at + a.byteLength));
    at += a.byteLength;
    return a;
  };
  const pass = (scale: number): Float32Array => {
    if (version === 1) return dequantize(size, read((n) => new Int16Array(n), size), scale, null);
    const n = buf.readUInt32LE(at);
    at += 4;
    const places = read((k) => new Uint32Array(k), n);
    return dequantize(size, read((k) => new Int16Array(k), n), scale, places);
  };
  const w1 = pass(header.scales[0]!);
  const w2 = pass(header.scales[1]!);
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
