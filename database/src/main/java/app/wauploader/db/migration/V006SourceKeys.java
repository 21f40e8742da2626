package app.wauploader.db.migration;

/**
 * Media are addressed by source keys, not paths, so a file inside a ZIP archive or (on Android) a
 * Storage Access Framework document can be uploaded and resumed like a local file: {@code
 * upload_items.source_path} becomes {@code source_key} and {@code scan_cache.path} becomes {@code
 * source_key}, existing local paths prefixed {@code fs:}. Failure types become the reasons of
 * {@code FailureReason} ({@code transient} → {@code server}, {@code quota_exhausted} → {@code
 * daily_quota}, …); rows whose old class says too little keep the closest reason. Waiting items
 * gain {@code wait_reason}: why they wait (shown with the time they may be tried).
 */
final class V006SourceKeys extends SqlMigration {
  @Override
  public int version() {
    return 6;
  }

  @Override
  public String description() {
    return "source keys instead of paths (upload_items, scan_cache); failure reasons; wait_reason";
  }

  @Override
  String sql() {
    return """
        ALTER TABLE upload_items RENAME COLUMN source_path TO source_key;
        UPDATE upload_items SET source_key = 'fs:' || source_key;
        ALTER TABLE scan_cache RENAME COLUMN path TO source_key;
        UPDATE scan_cache SET source_key = 'fs:' || source_key;
        ALTER TABLE upload_items ADD COLUMN wait_reason TEXT;
        UPDATE upload_items SET wait_reason = CASE state WHEN 'paused' THEN 'daily_quota'
          WHEN 'retrying' THEN 'server' END;
        UPDATE upload_errors SET error_type = CASE error_type
          WHEN 'transient' THEN CASE WHEN error_message LIKE '%connection%'
                                       OR error_message LIKE '%timed out%'
                                     THEN 'network' ELSE 'server' END
          WHEN 'rate_limited' THEN 'rate_limited'
          WHEN 'quota_exhausted' THEN 'daily_quota'
          WHEN 'fatal' THEN CASE WHEN error_message LIKE '%storage is full%'
                                 THEN 'storage_full' ELSE 'unauthorized' END
          WHEN 'permanent' THEN CASE WHEN error_message LIKE '%checksum mismatch%'
                                       THEN 'checksum_mismatch'
                                     WHEN error_message LIKE '%disappeared%'
                                       THEN 'source_missing'
                                     WHEN error_message LIKE 'cannot read%'
                                       THEN 'source_unreadable'
                                     WHEN error_message LIKE '%changed while%'
                                       THEN 'source_changed'
                                     ELSE 'rejected' END
          WHEN 'unreadable' THEN 'source_unreadable'
          WHEN 'expired_token' THEN 'receipt_expired'
          ELSE error_type END
        """;
  }
}
