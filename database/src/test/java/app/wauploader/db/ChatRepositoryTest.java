package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chats, their messages and attachments, and contents per chat, in a real SQLite file. */
class ChatRepositoryTest {
  private static final String SHA = "d".repeat(64);

  @TempDir Path dir;

  @Test
  void reimportingANewerExportAddsOnlyWhatIsNew() {
    try (Database db = Database.open(dir.resolve("c.db"))) {
      Instant t1 = Instant.parse("2023-11-05T12:00:00Z");
      Instant t2 = Instant.parse("2023-11-06T12:00:00Z");
      db.useTransaction(
          tx -> {
            assertThat(
                    tx.chats()
                        .upsert(
                            "c1",
                            "Family",
                            "android",
                            "a.txt",
                            Optional.of(t1),
                            Optional.of(t1),
                            false))
                .isTrue();
            assertThat(tx.chats().addMessages("c1", List.of(new ChatMessageKey("k1", t1, "Mum"))))
                .isEqualTo(1);
            assertThat(tx.chats().addAttachments("c1", List.of(attachment("IMG-1.jpg", t1, ""))))
                .isEqualTo(1);
          });
      db.useTransaction(
          tx -> {
            assertThat(
                    tx.chats()
                        .upsert(
                            "c1",
                            "family",
                            "android",
                            "b.txt",
                            Optional.of(t1),
                            Optional.of(t2),
                            false))
                .isFalse();
            assertThat(
                    tx.chats()
                        .addMessages(
                            "c1",
                            List.of(
                                new ChatMessageKey("k1", t1, "Mum"),
                                new ChatMessageKey("k2", t2, "Dad"))))
                .isEqualTo(1);
            assertThat(
                    tx.chats()
                        .addAttachments(
                            "c1",
                            List.of(
                                attachment("IMG-1.jpg", t1, "the cake"),
                                attachment("IMG-2.jpg", t2, ""))))
                .isEqualTo(1);
          });
      List<ChatSummary> chats = db.<List<ChatSummary>>read(tx -> tx.chats().summaries());
      assertThat(chats).hasSize(1);
      assertThat(chats.get(0).messages()).isEqualTo(2);
      assertThat(chats.get(0).attachments()).isEqualTo(2);
      assertThat(chats.get(0).found()).isZero();
      assertThat(chats.get(0).chat().lastMessageAt()).contains(t2);
      assertThat(chats.get(0).chat().exportName()).isEqualTo("b.txt");
      assertThat(chats.get(0).chat().name()).as("kept unless renamed").isEqualTo("Family");
      assertThat(
              db.<Optional<ChatAttachment>>read(tx -> tx.chats().attachment("c1", "IMG-1.jpg"))
                  .orElseThrow()
                  .caption())
          .isEqualTo("the cake");
    }
  }

  @Test
  void aContentInTwoChatsIsPlacedPerChat() {
    try (Database db = Database.open(dir.resolve("p.db"))) {
      Instant t = Instant.parse("2023-11-05T12:00:00Z");
      db.useTransaction(
          tx -> {
            tx.chats()
                .upsert(
                    "c1", "Family", "android", "a.txt", Optional.empty(), Optional.empty(), false);
            tx.chats()
                .upsert("c2", "Trip", "ios", "b.zip", Optional.empty(), Optional.empty(), false);
            tx.chats().addAttachments("c1", List.of(attachment("IMG-1.jpg", t, "")));
            tx.chats().addAttachments("c2", List.of(attachment("IMG-1.jpg", t, "")));
            tx.chats().found("IMG-1.jpg", "fs:/m/IMG-1.jpg", SHA);
            assertThat(tx.contentChats().linkFoundAttachments()).isEqualTo(2);
            tx.fileHashes()
                .record(
                    SHA,
                    "/m/IMG-1.jpg",
                    "IMG-1.jpg",
                    3,
                    "image/jpeg",
                    Service.PHOTOS,
                    "m1",
                    Optional.of("c1"),
                    Optional.empty());
            tx.contentChats().placed(SHA, "c1", "m1");
          });
      assertThat(db.<Map<String, List<String>>>read(tx -> tx.chats().chatsByFileName()))
          .containsEntry("IMG-1.jpg", List.of("c1", "c2"));
      assertThat(db.<List<ChatRow>>read(tx -> tx.contentChats().chatsOf(SHA)))
          .extracting(ChatRow::name)
          .containsExactly("Family", "Trip");
      List<ChatPlacement> open =
          db.<List<ChatPlacement>>read(tx -> tx.contentChats().unplaced(Optional.empty()));
      assertThat(open).extracting(ChatPlacement::chatName).containsExactly("Trip");
      assertThat(open.get(0).remoteId()).isEqualTo("m1");
      assertThat(db.<List<ChatPlacement>>read(tx -> tx.contentChats().unplaced(Optional.of("c1"))))
          .isEmpty();
      List<ChatProgress> progress = db.<List<ChatProgress>>read(tx -> tx.contentChats().progress());
      assertThat(progress).extracting(ChatProgress::backedUp).containsExactly(1L, 1L);
      assertThat(progress).extracting(ChatProgress::placed).containsExactly(1L, 0L);
      assertThat(db.<List<ChatSummary>>read(tx -> tx.chats().summaries()))
          .extracting(ChatSummary::found)
          .containsExactly(1L, 1L);
    }
  }

  private static ChatAttachment attachment(String name, Instant t, String caption) {
    return new ChatAttachment("", name, t, "Mum", caption, Optional.empty(), Optional.empty());
  }
}
