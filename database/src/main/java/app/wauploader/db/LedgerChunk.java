package app.wauploader.db;

/**
 * One acknowledged chunk of a transfer, as recorded in the chunk ledger.
 *
 * @param seq 0-based chunk number within the transfer
 * @param offset first byte of the chunk in the file
 * @param length bytes, &gt; 0
 * @param sha256 SHA-256 of the chunk's bytes, 64 lowercase hex
 */
public record LedgerChunk(int seq, long offset, int length, String sha256) {}
