#!/usr/bin/env node
/** Baseline for market fit: stream-parse an accounts CSV with csv-parse and count the rows, nothing else. */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
let rows = 0;
for await (const record of createReadStream(file).pipe(parse({ columns: true }))) if (record) rows++;
process.stdout.write(`${rows} rows\n`);
