import { PDFBool, PDFDocument as EditablePdf, PDFName, PDFTextField, StandardFonts } from "pdf-lib";
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

/**
 * The labels of the fields the portal fills in from what it knows when a partner downloads a template
 * from a request. A template's field is named by its label, so an admin's own AcroForm template is
 * prefilled too when its fields carry these names.
 */
export const PREFILLED_FIELDS = {
  legalName: "Customer (legal entity)",
  vatNumber: "VAT or tax number",
  address: "Registered address",
  pbxSerial: "PBX serial number",
  partner: "Partner",
} as const;

const BRAND = "#0f4c5c";
const MUTED = "#5b6770";

/**
 * Renders the form as an A4 PDF. Without `filledIn` it is the template partners download, with an
 * AcroForm text field (named by its label) on each line; with it, the same form as a customer filled
 * it in and scanned it, with no fields (the demo data's uploaded copies).
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
  pdf.font("Helvetica");
  if (!filledIn) pdf.initForm();
  pdf.font("Helvetica-Bold").fontSize(10).fillColor(BRAND).text("C L A S S O U N D", { characterSpacing: 1 });
  pdf.moveDown(1.5);
  pdf.font("Helvetica-Bold").fontSize(18).fillColor("#111").text(form.title);
  pdf.font("Helvetica").fontSize(10).fillColor(MUTED).text(`Country of service: ${form.countryName}`);
  pdf.moveDown();
  pdf.fontSize(11).fillColor("#222").text(form.description, { width });
  if (form.clauses?.length) {
    pdf.moveDown();
    form.clauses.forEach((clause, index) => {
      pdf
        .font("Helvetica")
        .fontSize(10)
        .fillColor("#222")
        .text(`${index + 1}. ${clause}`, { width, paragraphGap: 6 });
    });
  }
  pdf.moveDown(1.5);
  for (const label of form.fields) {
    if (pdf.y > pdf.page.height - 120) pdf.addPage();
    pdf.font("Helvetica").fontSize(9).fillColor(MUTED).text(label);
    const value = filledIn?.[label];
    const lineY = pdf.y + 18;
    if (value)
      pdf
        .font("Courier")
        .fontSize(11)
        .fillColor("#1a237e")
        .text(value, 62, pdf.y + 4);
    else if (!filledIn) pdf.formText(label, 56, pdf.y + 1, width, 16, { fontSize: 11 });
    pdf
      .moveTo(56, lineY)
      .lineTo(56 + width, lineY)
      .lineWidth(0.5)
      .strokeColor("#9aa5ad")
      .stroke();
    pdf.x = 56;
    pdf.y = lineY + 12;
  }
  pdf
    .font("Helvetica")
    .fontSize(8)
    .fillColor(MUTED)
    .text(
      "Fill in every field, sign, and upload the completed form as PDF, PNG or JPEG in the CLASSOUND partner portal.",
      56,
      pdf.page.height - 80,
      { width, lineBreak: false },
    );
  pdf.end();
  return done;
}

/**
 * The template with the fields the portal knows filled in, by field name. A PDF without form fields
 * comes back unchanged. A value Helvetica cannot draw (a name in Polish, say) is still stored in the
 * field; the viewer draws it, as the PDF asks it to.
 */
export async function fillDocumentForm(
  template: Uint8Array,
  values: Partial<Record<string, string>>,
): Promise<Uint8Array> {
  const pdf = await EditablePdf.load(template);
  const form = pdf.getForm();
  const fields = form
    .getFields()
    .filter((field): field is PDFTextField => field instanceof PDFTextField && !!values[field.getName()]);
  if (!fields.length) return template;
  const helvetica = await pdf.embedFont(StandardFonts.Helvetica);
  for (const field of fields) {
    field.setText(values[field.getName()]);
    try {
      field.updateAppearances(helvetica);
    } catch {
      form.acroForm.dict.set(PDFName.of("NeedAppearances"), PDFBool.True);
    }
  }
  return pdf.save({ updateFieldAppearances: false });
}
