import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';

export interface RunningS3Server {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** s3rver only accepts its own key pair. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/**
 * s3rver on loopback. It emits an S3 event notification for every object created or
 * removed; `onEvent` receives them as S3 would send them to SQS.
 */
export async function startS3Server(options: {
  port: number;
  host?: string;
  directory: string;
  onEvent?: (event: S3Event) => void;
}): Promise<RunningS3Server> {
  const host = options.host ?? '127.0.0.1';
  const server = new S3rver({ port: options.port, address: host, directory: options.directory, silent: true });
  if (options.onEvent) {
    const onEvent = options.onEvent;
    server.on('event', (event: S3Event) => onEvent(withEncodedKeys(event)));
  }
  const { port } = await server.run();
  return { endpoint: `http://${host}:${port}`, stop: () => server.close() };
}

/** Real S3 URL-encodes object keys in notifications (a space becomes `+`); s3rver does not. */
function withEncodedKeys(event: S3Event): S3Event {
  return {
    Records: event.Records.map((record) => ({
      ...record,
      s3: {
        ...record.s3,
        object: {
          ...record.s3.object,
          key: encodeURIComponent(record.s3.object.key).replace(/%2F/g, '/').replace(/%20/g, '+'),
        },
      },
    })),
  };
}
