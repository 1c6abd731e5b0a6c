"use client";

import { useId, useState, type ChangeEvent } from "react";
import { postFile } from "./post-file";

/**
 * The state of a one-file upload input: the chosen file is posted at once (see postFile), the input
 * is cleared so the same file can be chosen again after a failure, and `onUploaded` runs on success.
 */
export function useFileUpload<T>(url: string, onUploaded: (data: T) => void) {
  const inputId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setError(null);
    setPending(true);
    const result = await postFile<T>(url, file);
    setPending(false);
    if (!result.ok) return setError(result.error);
    onUploaded(result.data);
  }

  function onChange(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) upload(file);
  }

  return { inputId, errorId: `${inputId}-error`, pending, error, onChange };
}
