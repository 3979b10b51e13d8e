// Merged by Evidence into its own SvelteKit config (.evidence/template/svelte.config.js).
//
// Prerendered (static HTML with the data in it): the dashboard pages and every document page
// (/van-ban/<document_id>/). Not prerendered: the ~1,300 fact pages (/so-lieu/<fact_id>/),
// which Evidence would otherwise crawl from every table link (8.5 min build, 139 MB site);
// they render in the browser from the 404.html fallback shell, with the same Parquet data.
// A static server must answer unknown routes with build/404.html (bi/serve.py does;
// GitHub Pages and Netlify do by default).
import adapter from '@sveltejs/adapter-static';
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';

const dataDir = path.join(process.cwd(), 'static', 'data', 'baocao');

async function ids(query) {
	const documents = path.join(dataDir, 'documents', 'documents.parquet');
	if (!fs.existsSync(documents)) return [];
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	try {
		const reader = await con.runAndReadAll(query.replaceAll('$data', dataDir.replaceAll("'", "''")));
		return reader.getRows().map((row) => String(row[0]));
	} finally {
		con.disconnectSync();
		db.closeSync();
	}
}

const documentIds = await ids(`select document_id from read_parquet('$data/documents/documents.parquet')`);
// one fact page is prerendered so that its route's metadata exists for the others
const factIds = await ids(
	`select fact_id from read_parquet('$data/facts/facts.parquet') order by fact_id limit 1`
);

export default {
	kit: {
		adapter: adapter({ strict: false, fallback: '404.html' }),
		prerender: {
			crawl: false,
			entries: [
				'*',
				...documentIds.map((id) => `/van-ban/${id}/`),
				...factIds.map((id) => `/so-lieu/${id}/`)
			]
		}
	}
};
