// pdfkit, required as the CommonJS module it is: imported as an ES module, Node would first scan its source (and
// fontkit's) for export names, which cost a cold render some tens of milliseconds.
import { requirePdfkit } from '../libraries.js';
import { useJoinedContentWrites } from './hotPaths.js';

export const PDFDocument = requirePdfkit();
useJoinedContentWrites(PDFDocument);
