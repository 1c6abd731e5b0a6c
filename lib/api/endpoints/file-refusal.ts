import { AppError } from "@/lib/errors";

/**
 * The storage refuses a file (its type by content, its size) without naming a field, as the portal's
 * upload routes carry one file each. An API operation's form has other fields too: the refusal is
 * told beside the one that carried the file. Use as `.catch(besideFileField("loa"))`.
 */
export function besideFileField(field: string) {
  return (error: unknown): never => {
    if (error instanceof AppError && error.code === "INVALID" && !error.fieldErrors)
      throw new AppError("INVALID", error.message, { [field]: [error.message] });
    throw error;
  };
}
