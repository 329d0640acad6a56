import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * Endpoints come from the SDK's own variables (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3),
 * so the same code talks to AWS when deployed and to DynamoDB Local and s3rver on a laptop.
 * Command-line tools pass their endpoints and credentials as `connection` instead.
 */

export function createDocumentClient(connection: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(connection), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export function createS3Client(connection: S3ClientConfig = {}): S3Client {
  return new S3Client({
    // Path-style addressing is what S3-compatible local servers understand.
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    ...connection,
    // With the default (WHEN_SUPPORTED) streamed uploads are sent aws-chunked, which s3rver
    // stores framing and all: a silently corrupted object. Checksums stay on where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
