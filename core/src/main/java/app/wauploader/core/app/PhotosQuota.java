package app.wauploader.core.app;

/**
 * Google Photos' daily request quota as this database sees it: 10,000 requests per project per day,
 * uploads included, reset at midnight Pacific time
 * (https://developers.google.com/photos/overview/api-limits-quotas). Only requests made by runs of
 * this database are counted (another device or app on the same OAuth client uses the same quota
 * unseen).
 *
 * @param day the quota day (Pacific time), ISO date
 * @param requestsToday Photos requests this database's runs sent on {@code day}, ≥ 0
 * @param dailyLimit requests Google allows per project per day ({@value #DAILY_LIMIT})
 * @param requestsPerItem Photos requests per stored media item so far (all days), or {@value
 *     #EXPECTED_PER_ITEM} (one upload each, one batchCreate per 50) before anything was stored
 * @param backlog Photos items still to be stored, ≥ 0
 * @param backlogDays whole quota days the backlog needs at {@code requestsPerItem}, counting what
 *     is left of today; 0 when there is no backlog
 */
public record PhotosQuota(
    String day,
    long requestsToday,
    long dailyLimit,
    double requestsPerItem,
    long backlog,
    long backlogDays) {
  /** Photos Library API requests per project per day. */
  public static final long DAILY_LIMIT = 10_000;

  /** One raw upload per photo and one batchCreate per 50: 1.02 requests per item. */
  public static final double EXPECTED_PER_ITEM = 1.02;

  /**
   * Works the days out.
   *
   * @param requestsEver Photos requests recorded on every day
   * @param storedItems Photos media items stored so far
   */
  public static PhotosQuota of(
      String day, long requestsToday, long requestsEver, long storedItems, long backlog) {
    double perItem =
        storedItems > 0 && requestsEver > 0
            ? (double) requestsEver / storedItems
            : EXPECTED_PER_ITEM;
    double needed = backlog * perItem;
    long leftToday = Math.max(0, DAILY_LIMIT - requestsToday);
    long days;
    if (backlog == 0) {
      days = 0;
    } else if (needed <= leftToday) {
      days = 1;
    } else if (leftToday == 0) {
      days = (long) Math.ceil(needed / DAILY_LIMIT); // from tomorrow on
    } else {
      days = 1 + (long) Math.ceil((needed - leftToday) / DAILY_LIMIT);
    }
    return new PhotosQuota(day, requestsToday, DAILY_LIMIT, perItem, backlog, days);
  }
}
