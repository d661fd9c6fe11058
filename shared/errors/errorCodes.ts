/** Stable error codes, searchable in logs and documented in the README's troubleshooting table. */
export const ErrorCodes = {
  unknownFlow: 'DSCRO-INGEST-001',
  unsafePath: 'DSCRO-INGEST-002',
  emptyFile: 'DSCRO-INGEST-003',
  headerOnly: 'DSCRO-INGEST-004',
  missingColumns: 'DSCRO-INGEST-005',
  notUtf8: 'DSCRO-INGEST-006',
  wrongDelimiter: 'DSCRO-INGEST-007',
  unreadableFile: 'DSCRO-INGEST-008',
  missingKey: 'DSCRO-KEY-001',
  invalidMessage: 'DSCRO-MSG-001',
  unknownProduct: 'DSCRO-DEF-001',
  invalidDefinition: 'DSCRO-DEF-002',
  referenceData: 'DSCRO-REF-001',
  warehouse: 'DSCRO-WH-001',
  stageFailed: 'DSCRO-STAGE-001',
  /** Operator tools: a request that names no queue, no messages, or an unknown stage. */
  invalidOperation: 'DSCRO-OPS-001',
  /** A purge without explicit confirmation: dead letters are the only copy of a failed message. */
  purgeNotConfirmed: 'DSCRO-OPS-002',
  /** Reprocess: the extract, or the input the chosen stage reads, is not there. */
  reprocessInputMissing: 'DSCRO-OPS-003',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
