/**
 * `npm run bench:pdf [-- --quick]`: only the PDF report scenario of `npm run bench`, with its targets, for a
 * shared machine where the whole bench would disturb others.
 */
import { pdfTable } from './benchReport.js';
import { runPdfReport } from './pdfReport.js';

const quick = process.argv.includes('--quick');
const [templates, notes] = quick ? [3, 60] : [14, 500];
process.stderr.write(`PDF report: ${templates} canvases, ${notes} notes…\n`);
process.stdout.write(`${pdfTable(await runPdfReport(templates, notes))}\n`);
process.exit(0);
