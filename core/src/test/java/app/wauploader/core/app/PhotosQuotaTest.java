package app.wauploader.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The backlog in quota days: what is left of today first, then 10,000 requests a day. */
class PhotosQuotaTest {
  @Test
  void beforeAnythingIsStoredTheExpectedRateIsUsed() {
    PhotosQuota q = PhotosQuota.of("2026-12-01", 0, 0, 0, 9_800);
    assertThat(q.requestsPerItem()).isEqualTo(1.02);
    assertThat(q.backlogDays()).as("9,800 × 1.02 = 9,996 ≤ 10,000").isEqualTo(1);
  }

  @Test
  void whatIsLeftOfTodayCountsFirst() {
    // 8,000 used today; 5,000 items at 1.02 = 5,100: 2,000 today, 3,100 tomorrow.
    assertThat(PhotosQuota.of("2026-12-01", 8_000, 8_000, 7_843, 5_000).backlogDays()).isEqualTo(2);
    // A used-up day: 25,500 requests wait for the next three days.
    assertThat(PhotosQuota.of("2026-12-01", 10_000, 10_000, 9_804, 25_000).backlogDays())
        .isEqualTo(3);
  }

  @Test
  void theRateSeenSoFarIsUsedAndNoBacklogNeedsNoDay() {
    PhotosQuota q = PhotosQuota.of("2026-12-01", 0, 1_500, 1_000, 0);
    assertThat(q.requestsPerItem()).isEqualTo(1.5);
    assertThat(q.backlogDays()).isZero();
  }
}
