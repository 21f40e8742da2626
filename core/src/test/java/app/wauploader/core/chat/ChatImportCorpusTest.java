package app.wauploader.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Chats;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.upload.LockOwner;
import app.wauploader.db.ChatSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every export of the corpus imports into a real database, and importing it again adds nothing. */
class ChatImportCorpusTest {
  @TempDir Path dir;

  @Test
  void everyExportImportsAndAReimportAddsNothing() throws IOException {
    List<Path> exports;
    try (Stream<Path> walk = Files.walk(Corpus.chatExports())) {
      exports =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.toString().endsWith(".json") && !p.toString().endsWith(".out"))
              .sorted()
              .collect(Collectors.toList());
    }
    Chats chats =
        new Chats(
            BackupEnvironment.google(
                dir.resolve("wa.db"),
                AccessTokens.NONE,
                GoogleEndpoints.google(),
                LockOwner.create("test", 1, pid -> false)),
            Locale.UK,
            ZoneOffset.UTC);
    List<Chats.Result> first = chats.importExports(exports, Optional.empty(), List.of());
    assertThat(first).hasSize(exports.size()).allMatch(r -> r instanceof Chats.Imported);
    long messages = first.stream().mapToLong(r -> ((Chats.Imported) r).chat().newMessages()).sum();
    assertThat(messages).isGreaterThan(1000);
    List<ChatSummary> listed = chats.list();
    assertThat(listed.stream().mapToLong(ChatSummary::messages).sum()).isEqualTo(messages);

    List<Chats.Result> again = chats.importExports(exports, Optional.empty(), List.of());
    assertThat(again)
        .allSatisfy(r -> assertThat(((Chats.Imported) r).chat().newMessages()).isZero())
        .allSatisfy(r -> assertThat(((Chats.Imported) r).chat().newAttachments()).isZero());
    assertThat(chats.list()).hasSameSizeAs(listed);
    ChatImport website =
        first.stream()
            .map(r -> ((Chats.Imported) r).chat())
            .filter(c -> c.export().toString().endsWith("whatsapp-chat-parser-example.zip"))
            .findFirst()
            .orElseThrow();
    assertThat(website.insideExport()).isEqualTo(website.attachments()).isPositive();
  }
}
