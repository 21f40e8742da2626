package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BandwidthTest extends EmulatorTestBase {
  private static final long RATE = 2L * 1024 * 1024;

  @Override
  EmulatorConfig config() {
    return EmulatorConfig.defaults(dataDir).withBandwidth(RATE);
  }

  @Test
  void uploadBodiesAreReadNoFasterThanTheLimit() {
    byte[] content = TestHttp.randomBytes(3 * 1024 * 1024, 31);
    String session = initiateDrive("{\"name\":\"slow.bin\"}", content.length);

    long start = System.nanoTime();
    TestHttp.Answer done =
        putChunk(session, content, 0, content.length, Integer.toString(content.length));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(done.status()).isEqualTo(200);
    double bytesPerSecond = content.length / seconds;
    assertThat(bytesPerSecond)
        .as("observed %.0f B/s with a %d B/s limit", bytesPerSecond, RATE)
        .isLessThan(RATE * 1.3);
  }

  @Test
  void metadataCallsAreNotThrottled() {
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      createFolder("f" + i, null);
    }
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
  }
}
