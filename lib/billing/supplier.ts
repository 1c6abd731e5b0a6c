/**
 * Who issues CLASSOUND invoices: the operator, established in Italy (docs/decisions/0060). The VAT
 * treatment of every invoice starts from this country: a partner in it pays Italian VAT.
 */
export const SUPPLIER = {
  name: "CLASSOUND Voice Services S.r.l.",
  addressLines: ["Via delle Telecomunicazioni 12", "38121 Trento", "Italy"],
  countryCode: "IT",
  vatNumber: "IT01234567897",
  email: "billing@classound.example",
  /** Days from issue to the due date. */
  paymentTermDays: 30,
  bank: "IBAN IT60 X054 2811 1010 0000 0123 456 · BIC BPMOIT22XXX",
} as const;
