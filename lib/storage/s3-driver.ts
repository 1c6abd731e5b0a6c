import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import { defineDriver, missingObject, type StorageDriver } from "./driver";

export interface S3Settings {
  bucket: string;
  /** Unset: AWS itself. MinIO, Ceph, R2, … give their own URL. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's own chain (AWS_* variables, an instance or task role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `host/bucket/key` addresses, for servers without a DNS name per bucket (MinIO, an IP address). */
  forcePathStyle: boolean;
  /** Bytes per part of a multipart upload, and so the most a stream upload holds per part in memory. */
  partSize?: number;
}

// S3's smallest part: a body up to this size goes up in one PutObject, a larger one in parts.
const MIN_PART_SIZE = 5 * 1024 * 1024;

export function s3Client(settings: S3Settings) {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
    // The SDK's newer default checksums (CRC32 on every request, aws-chunked bodies) are not spoken
    // by every S3-compatible server; the SHA-256 we record and check on each read covers integrity
    // from upload to download whatever the server.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // A store that stops answering fails the request (or the download in flight) instead of holding
    // it open forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  });
}

/** Any S3-compatible object store (AWS S3, MinIO, Ceph, Cloudflare R2, …), used when S3_BUCKET is set. */
export function s3Driver(settings: S3Settings, client = s3Client(settings)): StorageDriver {
  const Bucket = settings.bucket;
  return defineDriver({
    name: "s3",
    async put(key, body, contentType) {
      // Multipart for a body above one part: a stream is read part by part (at most `queueSize`
      // parts in memory), and the object appears only when the last part completes; on an error
      // the parts are aborted, so a failed upload leaves nothing under the key.
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: body, ContentType: contentType },
        partSize: Math.max(settings.partSize ?? MIN_PART_SIZE, MIN_PART_SIZE),
        queueSize: 2,
        leavePartsOnError: false,
      });
      await upload.done();
    },
    async open(key) {
      const output = await client.send(new GetObjectCommand({ Bucket, Key: key })).catch((error: Error) => {
        throw error.name === "NoSuchKey" ? missingObject() : error;
      });
      if (!(output.Body instanceof Readable)) throw new Error(`S3 returned no stream for ${key}`);
      return output.Body;
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  });
}
