package app.wauploader.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.domain.FailureReason;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final List<Duration> slept = new ArrayList<>();
  private final RetryPolicy policy =
      new RetryPolicy(
          5, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(5), slept::add);

  @Test
  void retriesTransientFailuresWithGrowingCappedJitteredBackoff() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy.run(
                    a -> {
                      calls.incrementAndGet();
                      throw Failures.fromResponse(503, "", null, "Drive upload");
                    },
                    RetryPolicy.RetryListener.NONE))
        .isInstanceOfSatisfying(
            TargetException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FailureReason.SERVER);
              assertThat(e.attempts()).isEqualTo(5);
            });
    assertThat(calls).hasValue(5);
    assertThat(slept).hasSize(4);
    assertThat(slept.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(slept.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(slept.get(3)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
    assertThat(slept).allMatch(d -> d.compareTo(Duration.ofSeconds(30)) <= 0);
  }

  @Test
  void honoursRetryAfter() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String result =
        policy.run(
            a -> {
              if (calls.incrementAndGet() == 1) {
                throw Failures.fromResponse(
                    429,
                    "{\"error\":{\"code\":429,\"message\":\"slow down\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
                    "20",
                    "Photos upload");
              }
              return "ok";
            },
            RetryPolicy.RetryListener.NONE);
    assertThat(result).isEqualTo("ok");
    assertThat(slept).containsExactly(Duration.ofSeconds(20));
  }

  @Test
  void doesNotRetryPermanentQuotaOrFatalFailures() {
    for (TargetException e :
        List.of(
            Failures.fromResponse(400, "", null, "x"),
            Failures.fromResponse(
                429,
                "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric 'All requests' and limit 'All requests per day' of service 'photoslibrary.googleapis.com'\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
                null,
                "x"),
            Failures.fromResponse(
                403,
                "{\"error\":{\"code\":403,\"message\":\"full\",\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"storageQuotaExceeded\"}]}}",
                null,
                "x"))) {
      AtomicInteger calls = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  policy.run(
                      a -> {
                        calls.incrementAndGet();
                        throw e;
                      },
                      RetryPolicy.RetryListener.NONE))
          .isSameAs(e);
      assertThat(calls).hasValue(1);
    }
    assertThat(slept).isEmpty();
  }

  @Test
  void classifiesGoogleErrors() {
    assertThat(
            Failures.fromResponse(
                    403,
                    "{\"error\":{\"code\":403,\"message\":\"m\",\"errors\":[{\"reason\":\"userRateLimitExceeded\"}]}}",
                    null,
                    "x")
                .reason())
        .isEqualTo(FailureReason.RATE_LIMITED);
    assertThat(
            Failures.fromResponse(
                    429,
                    "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric 'All requests' and limit 'All requests per day'\"}}",
                    null,
                    "x")
                .reason())
        .isEqualTo(FailureReason.DAILY_QUOTA);
    assertThat(
            Failures.fromResponse(
                    403,
                    "{\"error\":{\"code\":403,\"errors\":[{\"reason\":\"storageQuotaExceeded\"}]}}",
                    null,
                    "x")
                .reason())
        .isEqualTo(FailureReason.STORAGE_FULL);
    assertThat(Failures.fromResponse(401, "", null, "x").reason())
        .isEqualTo(FailureReason.UNAUTHORIZED);
    assertThat(Failures.fromResponse(502, "<html>bad gateway</html>", null, "x").reason())
        .isEqualTo(FailureReason.SERVER);
    assertThat(Failures.fromResponse(404, "", null, "x").reason())
        .isEqualTo(FailureReason.REJECTED);
    assertThat(Failures.fromIo(new IOException("Connection reset"), "x").reason())
        .isEqualTo(FailureReason.NETWORK);
  }

  @Test
  void parsesRetryAfterSecondsAndDates() {
    assertThat(Failures.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
    assertThat(Failures.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
    assertThat(Failures.parseRetryAfter("soon")).isEmpty();
  }
}
