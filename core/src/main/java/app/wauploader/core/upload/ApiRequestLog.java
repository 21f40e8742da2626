package app.wauploader.core.upload;

import app.wauploader.core.google.GoogleHttp;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the requests a run sends to each Google service per quota day and adds them to {@code
 * api_requests}: Photos allows 10,000 requests per project per day, uploads included
 * (https://developers.google.com/photos/overview/api-limits-quotas), so {@code status} can say how
 * much of today's was used and how many days the backlog needs. Counts are written every {@value
 * #FLUSH_EVERY} requests and at {@link #close()}; a killed process loses at most that many from the
 * count (it is a guide, never a limit Google enforces on our numbers). The periodic writes happen
 * on a thread of their own: a request may be sent from inside a database transaction (a folder made
 * under the database's lock), where another transaction cannot start. Thread-safe; {@link #close()}
 * writes the rest and ends that thread.
 */
public final class ApiRequestLog implements GoogleHttp.RequestCounter, AutoCloseable {
  static final int FLUSH_EVERY = 25;

  private final Database db;
  private final Clock clock;
  private final Map<LocalDate, Map<Service, Long>> pending = new HashMap<>();
  private int unsaved;
  private final java.util.concurrent.ExecutorService writer =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "wa-uploader-request-count");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param clock "now": a request counts on its quota day (Pacific time, {@link QuotaReset#day})
   */
  public ApiRequestLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void sent(Service service) {
    boolean full;
    synchronized (this) {
      pending
          .computeIfAbsent(QuotaReset.day(clock.instant()), d -> new EnumMap<>(Service.class))
          .merge(service, 1L, Long::sum);
      full = ++unsaved >= FLUSH_EVERY;
    }
    if (full) {
      try {
        writer.execute(this::flush);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closed: close() writes what is left
      }
    }
  }

  /** Writes what is left (on the caller's thread, outside any transaction) and ends the writer. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }

  /**
   * Writes the counts not yet written (one short transaction; nothing when there are none). Not
   * from inside a transaction.
   */
  public void flush() {
    Map<LocalDate, Map<Service, Long>> counts;
    synchronized (this) {
      if (pending.isEmpty()) {
        return;
      }
      counts = new HashMap<>(pending);
      pending.clear();
      unsaved = 0;
    }
    db.useTransaction(
        tx -> {
          for (Map.Entry<LocalDate, Map<Service, Long>> day : counts.entrySet()) {
            for (Map.Entry<Service, Long> service : day.getValue().entrySet()) {
              tx.apiRequests().add(day.getKey(), service.getKey(), service.getValue());
            }
          }
        });
  }
}
