/**
 * `npm run train`: train the tagger on CoNLL-2003 `eng.train` and write `src/ner/model.bin.gz`.
 *
 * Options: `--out FILE`, `--no-save`, `--eval` (score on eng.testa afterwards),
 * `--bits N`, `--epochs N` (both passes), `--epochs1 N`, `--epochs2 N`, `--folds N`, `--scheme BIO|BILOU`, `--seed N`,
 * `--bag N` (models averaged).
 */
import { dataDir, readSplit } from './data.ts';
import { evaluate } from './evaluate.ts';
import { formatScores } from './metrics.ts';
import { saveModel } from './model-io.ts';
import { DEFAULT_MODEL_PATH } from './paths.ts';
import { DEFAULTS, train, type TrainOptions } from './trainer.ts';
import { statSync } from 'node:fs';

function parseArgs(argv: string[]): { options: Partial<TrainOptions>; out: string; save: boolean; evalAfter: boolean } {
  const options: Partial<TrainOptions> = {};
  let out = DEFAULT_MODEL_PATH;
  let save = true;
  let evalAfter = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => argv[++i] ?? '';
    if (a === '--out') out = next();
    else if (a === '--no-save') save = false;
    else if (a === '--eval') evalAfter = true;
    else if (a === '--bits') options.bits = Number(next());
    else if (a === '--epochs') options.epochs1 = options.epochs2 = Number(next());
    else if (a === '--epochs1') options.epochs1 = Number(next());
    else if (a === '--epochs2') options.epochs2 = Number(next());
    else if (a === '--folds') options.folds = Number(next());
    else if (a === '--constrained') options.constrained = true;
    else if (a === '--bag') options.bag = Number(next());
    else if (a === '--seed') options.seed = Number(next());
    else if (a === '--scheme') options.scheme = next() as TrainOptions['scheme'];
    else throw new Error(`unknown option ${a}`);
  }
  return { options, out, save, evalAfter };
}

const args = parseArgs(process.argv.slice(2));
const t0 = Date.now();
const docs = readSplit('eng.train');
console.log(`training on ${dataDir()}/eng.train: ${docs.length} documents`, { ...DEFAULTS, ...args.options });
const model = train(docs, { ...args.options, log: (m) => console.log(m) });
console.log(`trained in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (args.save) {
  saveModel(model, args.out, 'CoNLL-2003 English eng.train (Reuters RCV1, 1996)');
  console.log(`wrote ${args.out} (${(statSync(args.out).size / 1e6).toFixed(1)} MB)`);
}
if (args.evalAfter) {
  const r = evaluate(readSplit('eng.testa'), (d) => d.map((doc) => model.tagDocument(doc)));
  console.log(formatScores(r.scores));
  console.log(`${r.tokens} tokens in ${r.seconds.toFixed(2)} s: ${Math.round(r.tokens / r.seconds)} tokens/s`);
}
