import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';
import { encodeS3EventKey } from '../../functions/adapters/s3-event-key';

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
    const sequencer = monotonicSequencer();
    server.on('event', (event: S3Event) => onEvent(asS3WouldSend(event, sequencer)));
  }
  const { port } = await server.run();
  return { endpoint: `http://${host}:${port}`, stop: () => server.close() };
}

/**
 * s3rver's sequencer is the time in milliseconds, so two changes in one millisecond tie; S3's
 * always grows. Events leave this process in the order the changes happened, so counting up suffices.
 */
function monotonicSequencer(): () => string {
  let last = 0n;
  return () => {
    const now = BigInt(Date.now()) * 1000n;
    last = now > last ? now : last + 1n;
    return last.toString(16).toUpperCase();
  };
}

/** Real S3 URL-encodes object keys in notifications (a space becomes `+`) and orders them by sequencer. */
function asS3WouldSend(event: S3Event, sequencer: () => string): S3Event {
  return {
    Records: event.Records.map((record) => ({
      ...record,
      s3: {
        ...record.s3,
        object: {
          ...record.s3.object,
          key: encodeS3EventKey(record.s3.object.key),
          sequencer: sequencer(),
        },
      },
    })),
  };
}
