import path from "node:path";
import { dataDir, readRuntimeEnv, type TRuntimeEnv } from "@/lib/config/runtime";
import type { StorageDriver } from "./driver";
import { localDriver } from "./local-driver";

let configured: StorageDriver | undefined;

/**
 * A driver whose module loads at its first use: the cloud SDKs cost a process tens of MB and up to a
 * second to import (uploadthing/server 47 MB, the AWS SDK 25 MB), which a portal on local disk never needs.
 */
function loadedOnUse(name: string, load: () => Promise<StorageDriver>): StorageDriver {
  let loaded: Promise<StorageDriver> | undefined;
  const driver = () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
  return {
    name,
    put: async (key, body, contentType) => (await driver()).put(key, body, contentType),
    open: async (key) => (await driver()).open(key),
    get: async (key) => (await driver()).get(key),
    delete: async (key) => (await driver()).delete(key),
  };
}

/**
 * The driver the environment names: S3-compatible storage when S3_BUCKET is set, UploadThing when
 * UPLOADTHING_TOKEN is set (lib/config/runtime.ts refuses both at once), local disk otherwise.
 */
export function driverFor(env: TRuntimeEnv): StorageDriver {
  const { S3_BUCKET: bucket, UPLOADTHING_TOKEN: token } = env;
  if (bucket)
    return loadedOnUse("s3", async () =>
      (await import("./s3-driver")).s3Driver({
        bucket,
        endpoint: env.S3_ENDPOINT,
        region: env.S3_REGION,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      }),
    );
  if (token)
    return loadedOnUse("uploadthing", async () => (await import("./uploadthing-driver")).uploadthingDriver(token));
  return localDriver(path.join(dataDir(env), "uploads"));
}

/** The process's driver (see driverFor), made once. */
export function storageDriver(): StorageDriver {
  return (configured ??= driverFor(readRuntimeEnv()));
}
