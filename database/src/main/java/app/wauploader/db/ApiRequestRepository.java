package app.wauploader.db;

import app.wauploader.domain.Service;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code api_requests}: requests made to each Google service per quota day (the caller decides the
 * day; Google's daily quotas reset at midnight Pacific time). Counts only grow.
 */
public final class ApiRequestRepository {
  private final Transaction tx;

  ApiRequestRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Adds {@code requests} (≥ 0) to {@code service}'s count of {@code day}. */
  public void add(LocalDate day, Service service, long requests) throws SQLException {
    if (requests < 0) {
      throw new IllegalArgumentException("negative request count " + requests);
    }
    tx.update(
        "INSERT INTO api_requests (day, service, requests) VALUES (?, ?, ?)"
            + " ON CONFLICT (day, service) DO UPDATE SET requests = requests + excluded.requests",
        day.toString(),
        service,
        requests);
  }

  /** Requests per service on {@code day} (services with none are absent). */
  public Map<Service, Long> on(LocalDate day) throws SQLException {
    Map<Service, Long> counts = new EnumMap<>(Service.class);
    for (Object[] row :
        tx.query(
            "SELECT service, requests FROM api_requests WHERE day = ?",
            rs -> new Object[] {rs.getString(1), rs.getLong(2)},
            day.toString())) {
      counts.put(Service.fromId((String) row[0]), (Long) row[1]);
    }
    return counts;
  }

  /** All requests ever recorded for {@code service}. */
  public long total(Service service) throws SQLException {
    return tx.queryLong(
        "SELECT coalesce(sum(requests), 0) FROM api_requests WHERE service = ?", service);
  }
}
