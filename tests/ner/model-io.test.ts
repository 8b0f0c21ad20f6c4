/**
 * The model file (src/ner/model-io.ts): version 2 keeps only the weights that are not zero; a model
 * must come back from it with every weight it had, and a version 1 file must still load.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { deserializeModel, serializeModel } from '../../src/ner/model-io.ts';
import { Lexicon } from '../../src/ner/lexicon.ts';
import { Perceptron } from '../../src/ner/perceptron.ts';
import { NerModel } from '../../src/ner/pipeline.ts';

const BITS = 6;

/** A small model: weights mostly zero, a few of either sign (at the first and last places too). */
function smallModel(): NerModel {
  const lex = Lexicon.fromArrays([Float64Array.from([3, 1]), new Float64Array(0), Float64Array.from([7]), new Float64Array(0), Float64Array.from([5, 2]), new Float64Array(0)]);
  const probe = new NerModel('BIO', BITS, lex, new Perceptron(1, BITS), new Perceptron(1, BITS));
  const nt = probe.tags.length;
  const weights = (salt: number): Float32Array => {
    const w = new Float32Array((1 << BITS) * nt);
    for (const i of [0, 5, 6, 40 + salt, w.length - 1]) w[i] = (i % 2 ? -1 : 1) * (i + 1) * 0.25;
    return w;
  };
  return new NerModel('BIO', BITS, lex, new Perceptron(nt, BITS, weights(0)), new Perceptron(nt, BITS, weights(3)));
}

/** The same model in version 1's layout: every weight, as int16, one scale per pass. */
function versionOne(model: NerModel): Buffer {
  const quantized = [model.pass1.w, model.pass2.w].map((w) => {
    const scale = Math.max(...w.map(Math.abs)) / 32767;
    return { scale, q: Int16Array.from(w, (x) => Math.round(x / scale)) };
  });
  const lex = model.lex.toArrays();
  const header = { scheme: model.scheme, bits: model.bits, tags: model.tags, scales: quantized.map((x) => x.scale), lexicon: lex.map((a) => a.length), trainedOn: 'test', created: 'test' };
  const json = Buffer.from(JSON.stringify(header));
  const head = Buffer.alloc(9);
  head.write('DNER', 0, 'latin1');
  head.writeUInt8(1, 4);
  head.writeUInt32LE(json.length, 5);
  const pad = Buffer.alloc((8 - ((9 + json.length) % 8)) % 8);
  return gzipSync(Buffer.concat([head, json, pad, ...lex.map((a) => Buffer.from(a.buffer)), ...quantized.map((x) => Buffer.from(x.q.buffer))]));
}

/** The weights the tagger would use, as plain numbers. */
const weightsOf = (m: NerModel): number[][] => [[...m.pass1.w], [...m.pass2.w]];

describe('the model file', () => {
  it('should give back every weight, zero or not, and the lexicon', () => {
    const model = smallModel();
    const back = deserializeModel(serializeModel(model, 'test'));
    // Quantized to int16: equal to within a step (the largest weight over 32,767), and zero where it was zero.
    const [w1, w2] = weightsOf(back);
    const [m1, m2] = weightsOf(model);
    const near = (w: number[], m: number[]): boolean[] => w.map((x, i) => Math.abs(x - m[i]!) <= Math.max(...m.map(Math.abs)) / 32767 && (x === 0) === (m[i] === 0));
    expect(near(w1!, m1!)).not.toContain(false);
    expect(near(w2!, m2!)).not.toContain(false);
    expect(w1!.filter((x) => x !== 0)).toHaveLength(5);
    expect(back.lex.toArrays().map((a) => [...a])).toEqual(model.lex.toArrays().map((a) => [...a]));
    // Written again, the same bytes: nothing is lost or added on the way.
    expect(serializeModel(back, 'test').equals(serializeModel(deserializeModel(serializeModel(back, 'test')), 'test'))).toBe(true);
  });

  it('should still read a version 1 file, to the same weights', () => {
    const model = smallModel();
    expect(weightsOf(deserializeModel(versionOne(model)))).toEqual(weightsOf(deserializeModel(serializeModel(model, 'test'))));
  });
});
