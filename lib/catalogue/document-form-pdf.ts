import PDFDocument from "pdfkit";

/** A form a country's regulator asks the customer to fill in and sign (R2). */
export interface DocumentForm {
  title: string;
  countryName: string;
  description: string;
  /** Terms printed above the fields, e.g. the clauses of the service agreement. */
  clauses?: string[];
  fields: string[];
}

const BRAND = "#0f4c5c";
const MUTED = "#5b6770";

/**
 * Renders the form as an A4 PDF. Without `filledIn` it is the blank template partners download;
 * with it, the same form as a customer filled it in (the demo data's uploaded copies).
 */
export function renderDocumentForm(form: DocumentForm, filledIn?: Record<string, string>): Promise<Uint8Array> {
  const pdf = new PDFDocument({ size: "A4", margin: 56, info: { Title: form.title, Author: "CLASSOUND" } });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });

  const width = pdf.page.width - 112;
  pdf.font("Helvetica-Bold").fontSize(10).fillColor(BRAND).text("C L A S S O U N D", { characterSpacing: 1 });
  pdf.moveDown(1.5);
  pdf.font("Helvetica-Bold").fontSize(18).fillColor("#111").text(form.title);
  pdf.font("Helvetica").fontSize(10).fillColor(MUTED).text(`Country of service: ${form.countryName}`);
  pdf.moveDown();
  pdf.fontSize(11).fillColor("#222").text(form.description, { width });
  if (form.clauses?.length) {
    pdf.moveDown();
    form.clauses.forEach((clause, index) => {
      pdf.font("Helvetica").fontSize(10).fillColor("#222").text(`${index + 1}. ${clause}`, { width, paragraphGap: 6 });
    });
  }
  pdf.moveDown(1.5);
  for (const label of form.fields) {
    if (pdf.y > pdf.page.height - 120) pdf.addPage();
    pdf.font("Helvetica").fontSize(9).fillColor(MUTED).text(label);
    const value = filledIn?.[label];
    const lineY = pdf.y + 18;
    if (value) pdf.font("Courier").fontSize(11).fillColor("#1a237e").text(value, 62, pdf.y + 4);
    pdf.moveTo(56, lineY).lineTo(56 + width, lineY).lineWidth(0.5).strokeColor("#9aa5ad").stroke();
    pdf.x = 56;
    pdf.y = lineY + 12;
  }
  pdf.font("Helvetica").fontSize(8).fillColor(MUTED).text(
    "Fill in every field, sign, and upload the completed form as PDF, PNG or JPEG in the CLASSOUND partner portal.",
    56,
    pdf.page.height - 80,
    { width, lineBreak: false },
  );
  pdf.end();
  return done;
}
