import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { listen } from './listen';
import type { LocalQueue } from './local-queue';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * Enough of the SQS API (JSON protocol: SendMessage, SendMessageBatch) for the production SQS
 * client to put messages on a local queue, as the generator's reconciliation does when deployed.
 */
export async function startSqsEndpoint(options: {
  queue: LocalQueue;
  host?: string;
  port?: number;
}): Promise<{ endpoint: string; queueUrl: string; stop(): Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(body));
      const target = String(request.headers['x-amz-target'] ?? '');
      let input: { MessageBody?: string; Entries?: { Id: string; MessageBody: string }[] };
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, { __type: 'com.amazonaws.sqs#InvalidParameterValue', message: 'body is not JSON' });
      }
      if (target === 'AmazonSQS.SendMessage' && typeof input.MessageBody === 'string') {
        options.queue.send(input.MessageBody);
        return reply(200, { MessageId: randomUUID(), MD5OfMessageBody: md5(input.MessageBody) });
      }
      if (target === 'AmazonSQS.SendMessageBatch' && Array.isArray(input.Entries)) {
        for (const entry of input.Entries) options.queue.send(entry.MessageBody);
        return reply(200, {
          Successful: input.Entries.map((entry) => ({
            Id: entry.Id,
            MessageId: randomUUID(),
            MD5OfMessageBody: md5(entry.MessageBody),
          })),
          Failed: [],
        });
      }
      return reply(400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: `${target} is not emulated` });
    });
  });
  const { url, stop } = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);
  return { endpoint: url, queueUrl: `${url}/000000000000/ingest-queue`, stop };
}
