import { UTApi, UTFile } from "uploadthing/server";
import type { StorageDriver } from "./driver";

/** UploadThing's cloud storage, used when UPLOADTHING_TOKEN is set. Files are private (signed URLs). */
export function uploadthingDriver(token: string): StorageDriver {
  const api = new UTApi({ token, defaultKeyType: "customId" });
  return {
    name: "uploadthing",
    async put(key, bytes, contentType) {
      const result = await api.uploadFiles(
        new UTFile([Buffer.from(bytes)], key, { type: contentType, customId: key }),
        { acl: "private" },
      );
      if (result.error) throw new Error(`UploadThing upload failed: ${result.error.message}`);
    },
    async get(key) {
      const { ufsUrl } = await api.generateSignedURL(key, { expiresIn: 60 });
      const response = await fetch(ufsUrl);
      if (!response.ok) throw new Error(`UploadThing download failed: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      await api.deleteFiles(key);
    },
  };
}
