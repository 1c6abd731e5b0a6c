import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { UTApi, UTFile } from "uploadthing/server";
import { defineDriver, missingObject, type StorageDriver } from "./driver";

/** UploadThing's cloud storage, used when UPLOADTHING_TOKEN is set. Files are private (signed URLs). */
export function uploadthingDriver(token: string): StorageDriver {
  const api = new UTApi({ token, defaultKeyType: "customId" });
  return defineDriver({
    name: "uploadthing",
    async put(key, body, contentType) {
      // UTApi uploads whole File objects: a stream is gathered first (uploads are capped by UPLOAD_MAX_BYTES).
      const bytes = body instanceof Readable ? await buffer(body) : Buffer.from(body);
      const result = await api.uploadFiles(new UTFile([bytes], key, { type: contentType, customId: key }), {
        acl: "private",
      });
      if (result.error) throw new Error(`UploadThing upload failed: ${result.error.message}`);
    },
    async open(key) {
      // The signed URL lives a minute and is fetched here, by the server: it never reaches a browser.
      const { ufsUrl } = await api.generateSignedURL(key, { expiresIn: 60 });
      const response = await fetch(ufsUrl);
      if (response.status === 404) throw missingObject();
      if (!response.ok || !response.body) throw new Error(`UploadThing download failed: ${response.status}`);
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    },
    async delete(key) {
      await api.deleteFiles(key);
    },
  });
}
