package app.wauploader.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which files a run takes and in which order. */
class SelectionTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final long DAY = Duration.ofDays(1).toMillis();

  private static MediaEntry entry(String folder, String name, long size, long daysAgo) {
    return new MediaEntry(
        "fs:/m/" + folder + "/" + name, name, folder, size, NOW.toEpochMilli() - daysAgo * DAY);
  }

  private static final MediaEntry PHOTO =
      entry("WhatsApp Images", "IMG-20231105-WA0004.jpg", 100, 400);
  private static final MediaEntry NEW_PHOTO =
      entry("WhatsApp Images", "IMG-20261130-WA0001.JPG", 100, 1);
  private static final MediaEntry VOICE =
      entry("WhatsApp Voice Notes", "PTT-20231105-WA0001.opus", 10, 2);
  private static final MediaEntry VIDEO =
      entry("WhatsApp Video", "VID-20240214-WA0008.mp4", 5_000, 3);
  private static final MediaEntry BIG_VIDEO =
      entry("WhatsApp Video", "VID-20240215-WA0009.mp4", SelectedSource.BIG_VIDEO, 0);
  private static final MediaEntry DOC = entry("WhatsApp Documents", "Report.PDF", 900, 5);

  private static List<MediaEntry> taken(Selection s) {
    Predicate<MediaEntry> test = s.test(NOW);
    List<MediaEntry> out = new ArrayList<>();
    for (MediaEntry e : List.of(PHOTO, NEW_PHOTO, VOICE, VIDEO, BIG_VIDEO, DOC)) {
      if (test.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void globsMatchTheNameOrTheMediaFolderAndNameIgnoringCase() {
    assertThat(
            taken(
                new Selection(
                    List.of(), List.of("*.opus"), 0, Optional.empty(), Selection.Order.LISTED)))
        .doesNotContain(VOICE)
        .hasSize(5);
    assertThat(
            taken(
                new Selection(
                    List.of("WhatsApp Images/**"),
                    List.of(),
                    0,
                    Optional.empty(),
                    Selection.Order.LISTED)))
        .containsExactly(PHOTO, NEW_PHOTO);
    assertThat(
            taken(
                new Selection(
                    List.of("*.pdf"), List.of(), 0, Optional.empty(), Selection.Order.LISTED)))
        .containsExactly(DOC);
    assertThat(
            taken(
                new Selection(
                    List.of("whatsapp images/**"),
                    List.of("*-2026*"),
                    0,
                    Optional.empty(),
                    Selection.Order.LISTED)))
        .containsExactly(PHOTO);
  }

  @Test
  void sizeAndAgeLimitTheFilesTaken() {
    assertThat(
            taken(
                new Selection(
                    List.of(), List.of(), 1_000, Optional.empty(), Selection.Order.LISTED)))
        .containsExactly(PHOTO, NEW_PHOTO, VOICE, DOC);
    assertThat(
            taken(
                new Selection(
                    List.of(),
                    List.of(),
                    0,
                    Optional.of(Duration.ofDays(2)),
                    Selection.Order.LISTED)))
        .containsExactly(NEW_PHOTO, VOICE, BIG_VIDEO);
  }

  @Test
  void theDefaultOrderIsPhotosNewestFirstThenTheRestThenVideosBigOnesLast() {
    List<MediaEntry> all = new ArrayList<>(List.of(BIG_VIDEO, DOC, VIDEO, VOICE, PHOTO, NEW_PHOTO));
    all.sort(SelectedSource.order(Selection.Order.WHATSAPP));
    assertThat(all).containsExactly(NEW_PHOTO, PHOTO, VOICE, DOC, VIDEO, BIG_VIDEO);
    all.sort(SelectedSource.order(Selection.Order.SMALLEST));
    assertThat(all.get(0)).isEqualTo(VOICE);
    all.sort(SelectedSource.order(Selection.Order.OLDEST));
    assertThat(all.get(0)).isEqualTo(PHOTO);
  }

  @Test
  void aBrokenGlobOrANegativeLimitIsRefused() {
    assertThatThrownBy(
            () ->
                new Selection(
                    List.of("[a"), List.of(), 0, Optional.empty(), Selection.Order.LISTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a");
    assertThatThrownBy(
            () -> new Selection(List.of(), List.of(), -1, Optional.empty(), Selection.Order.LISTED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
