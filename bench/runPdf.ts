/**
 * `npm run bench:pdf [-- --quick]`: only the PDF report scenario of `npm run bench`, with its targets, for a
 * shared machine where the whole bench would disturb others. `-- --save FILE` keeps the first PDF to look at.
 */
import { pdfTable } from './benchReport.js';
import { runPdfReport } from './pdfReport.js';

const quick = process.argv.includes('--quick');
const [templates, notes] = quick ? [3, 60] : [14, 500];
process.stderr.write(`PDF report: ${templates} canvases, ${notes} notes…\n`);
const save = process.argv.indexOf('--save');
process.stdout.write(`${pdfTable(await runPdfReport(templates, notes, save > -1 ? process.argv[save + 1] : undefined))}\n`);
process.exit(0);
