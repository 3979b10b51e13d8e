// Runs `evidence sources` / `evidence build` against the warehouse read copy.
//
//   node scripts/evidence.mjs sources   extract every sources/baocao/*.sql to Parquet
//   node scripts/evidence.mjs build     build the static site into build/
//
// The read copy is $BAOCAO_READ_COPY if set, else the one baocao writes beside $BAOCAO_WAREHOUSE
// or under $BAOCAO_HOME/warehouse/, else ../warehouse/baocao_read.duckdb (the repo's warehouse).
// Evidence's DuckDB driver joins the configured filename onto the source directory (so an
// absolute path would not work): the path is handed to it relative to sources/baocao
// through EVIDENCE_SOURCE__baocao__filename, which overrides connection.yaml.
// `evidence sources` exits 0 when a query fails; this wrapper fails instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const biDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(biDir, 'sources', 'baocao');
const command = process.argv[2];
if (!['sources', 'build', 'build:strict', 'dev'].includes(command)) {
	console.error('usage: node scripts/evidence.mjs sources|build|build:strict|dev');
	process.exit(2);
}

// the same file baocao's settings call the read copy (flows/baocao/settings.py)
function defaultReadCopy() {
	const env = process.env;
	if (env.BAOCAO_READ_COPY) return env.BAOCAO_READ_COPY;
	if (env.BAOCAO_WAREHOUSE) {
		const { dir, name, ext } = path.parse(path.resolve(env.BAOCAO_WAREHOUSE));
		return path.join(dir, `${name}_read${ext}`);
	}
	if (env.BAOCAO_HOME) return path.join(env.BAOCAO_HOME, 'warehouse', 'baocao_read.duckdb');
	return path.join(biDir, '..', 'warehouse', 'baocao_read.duckdb');
}
const readCopy = path.resolve(defaultReadCopy());
const needsReadCopy = command === 'sources' || command === 'dev';
if (needsReadCopy && !fs.existsSync(readCopy)) {
	console.error(
		`[bi] warehouse read copy not found: ${readCopy}\n` +
			'[bi] run `make demo` (or an ingest) first, or set BAOCAO_READ_COPY to the file.'
	);
	process.exit(1);
}
const manifest = path.join(biDir, '.evidence', 'template', 'static', 'data', 'manifest.json');
if (!needsReadCopy && !fs.existsSync(manifest)) {
	console.error('[bi] no extracted sources: run `npm run sources` (or `make bi`) first.');
	process.exit(1);
}
process.env.EVIDENCE_SOURCE__baocao__filename = path.relative(sourceDir, readCopy);
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--max-old-space-size=4096']
	.filter(Boolean)
	.join(' ');
if (needsReadCopy) console.log(`[bi] read copy: ${readCopy}`);

if (command.startsWith('build')) {
	// Evidence copies its output over build/ without clearing it: stale pages would survive
	fs.rmSync(path.join(biDir, 'build'), { recursive: true, force: true });
	fs.rmSync(path.join(biDir, '.evidence', 'template', 'build'), { recursive: true, force: true });
}
const bin = path.join(biDir, 'node_modules', '.bin', 'evidence');
const child = spawn(bin, [command, ...process.argv.slice(3)], {
	cwd: biDir,
	env: process.env,
	stdio: ['inherit', 'pipe', 'pipe']
});
let failed = false;
const watch = (stream, out) =>
	stream.on('data', (chunk) => {
		out.write(chunk);
		if (command === 'sources' && /✖|\[ ! \]|Error connecting/.test(chunk.toString())) failed = true;
	});
watch(child.stdout, process.stdout);
watch(child.stderr, process.stderr);
child.on('exit', (code, signal) => {
	if (signal) {
		console.error(`[bi] evidence ${command} killed by ${signal}`);
		process.exit(1);
	}
	if (code === 0 && failed) {
		console.error(`[bi] evidence ${command}: a source query failed (see above)`);
		process.exit(1);
	}
	if (code === 0 && command === 'sources') {
		// an empty result leaves no Parquet file behind, and the build then fails obscurely
		const { renderedFiles = {} } = JSON.parse(fs.readFileSync(manifest, 'utf-8'));
		const missing = Object.values(renderedFiles)
			.flat()
			.filter((f) => {
				const file = path.join(biDir, '.evidence', 'template', f);
				return !fs.existsSync(file) || fs.statSync(file).size === 0;
			});
		if (missing.length) {
			console.error(
				`[bi] these sources returned no rows (is the warehouse empty? run \`make demo\`):\n  ` +
					missing.join('\n  ')
			);
			process.exit(1);
		}
	}
	process.exit(code ?? 1);
});
