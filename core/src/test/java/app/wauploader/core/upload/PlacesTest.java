package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Planning waits for a free place; a finished transfer frees one; a stop ends the wait. */
class PlacesTest {
  @Test
  void aTakeWaitsUntilARunEndsAndAStopEndsTheWait() throws Exception {
    Places places = new Places(1);
    RunControl control = RunControl.create();
    assertThat(places.take(control)).isTrue();
    CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> places.take(control));
    Thread.sleep(300);
    assertThat(second).as("no place free: it waits").isNotDone();
    places.run(() -> {});
    assertThat(second.get(5, TimeUnit.SECONDS)).as("the first transfer ended").isTrue();

    CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> places.take(control));
    Thread.sleep(200);
    assertThat(third).isNotDone();
    control.stop();
    assertThat(third.get(5, TimeUnit.SECONDS)).as("the run stops: not taken").isFalse();
  }

  @Test
  void aFailedTransferGivesItsPlaceBackToo() {
    Places places = new Places(1);
    RunControl control = RunControl.create();
    assertThat(places.take(control)).isTrue();
    try {
      places.run(
          () -> {
            throw new IllegalStateException("transfer failed");
          });
    } catch (IllegalStateException expected) {
      // the place is given back all the same
    }
    assertThat(places.take(control)).isTrue();
  }
}
