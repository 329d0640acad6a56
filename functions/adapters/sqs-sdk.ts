/**
 * The two names of the SQS client that reconciliation needs, imported on its first requeue (import('./sqs-sdk')): a
 * module of its own so that the bundle keeps only these two of the package, evaluated when first asked for.
 */
export { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
