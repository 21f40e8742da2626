package app.wauploader.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An open transaction, handed to the callback of {@link Database#inTransaction}. Valid only inside
 * that callback. Gives the repositories, which all work within this transaction.
 */
public final class Transaction {
  private final Statements statements;
  private final Clock clock;

  Transaction(Statements statements, Clock clock) {
    this.statements = statements;
    this.clock = clock;
  }

  /** {@code upload_sessions}, within this transaction. */
  public SessionRepository sessions() {
    return new SessionRepository(this);
  }

  /** {@code file_hashes}, within this transaction. */
  public FileHashRepository fileHashes() {
    return new FileHashRepository(this);
  }

  /** {@code upload_errors}, within this transaction. */
  public UploadErrorRepository errors() {
    return new UploadErrorRepository(this);
  }

  /** {@code config}, within this transaction. */
  public ConfigRepository config() {
    return new ConfigRepository(this);
  }

  /** {@code upload_items}, within this transaction. */
  public UploadItemRepository items() {
    return new UploadItemRepository(this);
  }

  /** {@code scan_cache}, within this transaction. */
  public ScanCacheRepository scanCache() {
    return new ScanCacheRepository(this);
  }

  /** {@code upload_chunks} (the chunk ledger), within this transaction. */
  public ChunkLedgerRepository chunks() {
    return new ChunkLedgerRepository(this);
  }

  /** {@code remote_containers}, within this transaction. */
  public RemoteContainerRepository containers() {
    return new RemoteContainerRepository(this);
  }

  /** {@code chats}, {@code chat_messages}, {@code chat_attachments}, within this transaction. */
  public ChatRepository chats() {
    return new ChatRepository(this);
  }

  /** {@code content_chats}, within this transaction. */
  public ContentChatRepository contentChats() {
    return new ContentChatRepository(this);
  }

  /** Read-only aggregates for the backup report, within this transaction. */
  public ReportRepository report() {
    return new ReportRepository(this);
  }

  /** The per-item locks of {@code upload_items}, within this transaction. */
  public ItemLockRepository itemLocks() {
    return new ItemLockRepository(this);
  }

  /** {@code upload_transfers} (what each open transfer sends), within this transaction. */
  public UploadTransferRepository transfers() {
    return new UploadTransferRepository(this);
  }

  /** The rows of the catalog shared through Google Drive. */
  public CatalogRepository catalog() {
    return new CatalogRepository(this);
  }

  /** The catalog's devices, conflicts and generation. */
  public CatalogDeviceRepository catalogDevices() {
    return new CatalogDeviceRepository(this);
  }

  /** {@code freed_files} (the free-up journal) and its candidates, within this transaction. */
  public FreedFileRepository freedFiles() {
    return new FreedFileRepository(this);
  }

  /** {@code api_requests} (requests per service and quota day), within this transaction. */
  public ApiRequestRepository apiRequests() {
    return new ApiRequestRepository(this);
  }

  /** Now, in epoch ms, from the database's clock (the time every row of this transaction gets). */
  public long nowMs() {
    return clock.millis();
  }

  /**
   * Runs an INSERT/UPDATE/DELETE; returns the number of rows changed. Not kept for reuse: inside a
   * transaction sqlite-jdbc leaves a DML statement un-reset after it ran (VACUUM then refuses to
   * run); queries are reset when their result set closes, and only they are kept.
   */
  int update(String sql, Object... args) throws SQLException {
    try (Statements.Lease lease = prepare(sql, args)) {
      return lease.statement().executeUpdate();
    }
  }

  /** Runs an INSERT and returns the new row id. */
  long insert(String sql, Object... args) throws SQLException {
    update(sql, args);
    return queryLong("SELECT last_insert_rowid()");
  }

  /** Runs one statement for each argument row, as a JDBC batch. */
  void batch(String sql, List<Object[]> rows) throws SQLException {
    try (Statements.Lease lease = statements.lease(sql)) {
      for (Object[] row : rows) {
        bind(lease.statement(), row);
        lease.statement().addBatch();
      }
      lease.statement().executeBatch();
    }
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    try (Statements.Lease lease = prepare(sql, args)) {
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = lease.statement().executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      lease.reusable();
      return rows;
    }
  }

  /**
   * Runs a query and hands each row to {@code consumer} as it is read, without collecting them (an
   * export of 100,000 rows in a 64 MiB heap).
   */
  <T> void forEach(String sql, RowMapper<T> mapper, RowConsumer<T> consumer, Object... args)
      throws SQLException {
    try (Statements.Lease lease = prepare(sql, args)) {
      try (ResultSet rs = lease.statement().executeQuery()) {
        while (rs.next()) {
          consumer.accept(mapper.map(rs));
        }
      }
      lease.reusable();
    }
  }

  /** Takes the rows of {@link #forEach}. */
  @FunctionalInterface
  public interface RowConsumer<T> {
    void accept(T row) throws SQLException;
  }

  <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    List<T> rows = query(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  long queryLong(String sql, Object... args) throws SQLException {
    return queryOne(sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  private Statements.Lease prepare(String sql, Object[] args) throws SQLException {
    Statements.Lease lease = statements.lease(sql);
    try {
      bind(lease.statement(), args);
      return lease;
    } catch (SQLException | RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg instanceof Optional<?> optional) {
        arg = optional.orElse(null);
      }
      if (arg instanceof Instant instant) {
        arg = instant.toEpochMilli();
      } else if (arg instanceof Enum<?> e) {
        arg = e.name().toLowerCase(java.util.Locale.ROOT);
      }
      statement.setObject(i + 1, arg);
    }
  }

  static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  static Optional<String> string(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static Optional<Long> longValue(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
