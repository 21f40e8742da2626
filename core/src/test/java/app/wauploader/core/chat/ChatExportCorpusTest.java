package app.wauploader.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared corpus of real and crafted exports, checked against the oracles that come with it. */
class ChatExportCorpusTest {
  private static ChatExportFile read(String relative) throws IOException {
    return ChatExportFiles.read(Corpus.file(relative), Optional.empty(), Locale.UK);
  }

  private static ChatExport chat(String relative) throws IOException {
    return read(relative).chat();
  }

  @Test
  void everyExportInTheCorpusParses() throws IOException {
    List<Path> exports;
    try (Stream<Path> walk = Files.walk(Corpus.chatExports())) {
      exports =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.toString().endsWith(".json") && !p.toString().endsWith(".out"))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(exports).hasSizeGreaterThanOrEqualTo(22);
    for (Path export : exports) {
      ChatExportFile file = ChatExportFiles.read(export, Optional.empty(), Locale.UK);
      assertThat(file.chat().messages()).as(export.toString()).isNotEmpty();
      assertThat(file.chat().chat()).as(export.toString()).isNotEmpty();
    }
  }

  /** chat-miner's target.json: the user messages (not system lines, not the empty "John Doe:."). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "test_[mmddyy]_24hrs.txt",
        "test_ddmmyy_24hrs.txt",
        "test_mmddyy_24hrs.txt",
        "test_mmddyyyy_12hrs.txt",
        "test_yyyymmdd_24hrs.txt"
      })
  void chatMinerFilesGiveTheMessagesOfItsTarget(String name) throws IOException {
    JsonArray target =
        JsonParser.parseString(
                Files.readString(
                    Corpus.file("chat-miner/test/whatsapp/target.json"), StandardCharsets.UTF_8))
            .getAsJsonArray();
    List<List<Object>> expected = new ArrayList<>();
    for (JsonElement element : target) {
      JsonObject o = element.getAsJsonObject();
      expected.add(
          List.of(
              LocalDateTime.parse(o.get("timestamp").getAsString()),
              o.get("author").getAsString(),
              o.get("message").getAsString()));
    }
    // target.json lists the newest first and joins a message's lines with a space
    java.util.Collections.reverse(expected);

    ChatExport chat = chat("chat-miner/test/whatsapp/" + name);

    List<List<Object>> actual =
        chat.messages().stream()
            .map(
                m ->
                    List.<Object>of(
                        m.time(), m.sender().orElseThrow(), m.text().replace('\n', ' ')))
            .collect(Collectors.toList());
    assertThat(actual).isEqualTo(expected);
    assertThat(chat.entries()).hasSize(9);
    assertThat(chat.entries().get(1).text()).as("no ': ', so no sender").isEqualTo("John Doe:.");
    assertThat(chat.entries().get(4).text()).isEqualTo("+12 345 578 created group \"Groupname\"");
    assertThat(chat.entries().get(4).time()).isEqualTo(LocalDateTime.of(2020, 6, 20, 0, 8));
  }

  @Test
  void chatMinerFilesAreReadInTheirOwnDateOrder() throws IOException {
    assertThat(chat("chat-miner/test/whatsapp/test_ddmmyy_24hrs.txt").dateOrder())
        .isEqualTo(DateOrder.DAY_MONTH_YEAR);
    assertThat(chat("chat-miner/test/whatsapp/test_mmddyy_24hrs.txt").dateOrder())
        .isEqualTo(DateOrder.MONTH_DAY_YEAR);
    assertThat(chat("chat-miner/test/whatsapp/test_yyyymmdd_24hrs.txt").dateOrder())
        .isEqualTo(DateOrder.YEAR_MONTH_DAY);
    ChatExport brackets = chat("chat-miner/test/whatsapp/test_[mmddyy]_24hrs.txt");
    assertThat(brackets.format()).isEqualTo(ExportFormat.IOS);
    assertThat(brackets.dateOrderFromLocale()).isFalse();
    assertThat(brackets.warnings()).isEmpty();
  }

  /**
   * whatsapp-chat-parser-go counts every entry (system lines too) as a message and lists authors
   * without system lines; our entries() and senders() are those. Every date of default.txt is
   * ambiguous: that parser reads it month/day, as we do only when the fallback locale is en_US.
   */
  @Test
  void goParserDefaultMatchesItsOracle() throws IOException {
    Path file = Corpus.file("whatsapp-chat-parser-go/test_data/default.txt");
    ChatExport us = ChatExportFiles.read(file, Optional.empty(), Locale.US).chat();
    assertThat(us.entries()).hasSize(5);
    assertThat(us.messages()).hasSize(3);
    assertThat(us.senders()).containsExactly("Sample User", "TestBot", "+410123456789");
    assertThat(us.first()).contains(LocalDateTime.of(2017, 6, 3, 0, 45));
    assertThat(us.last()).contains(LocalDateTime.of(2017, 9, 4, 1, 50));
    assertThat(us.dateOrderFromLocale()).isTrue();
    assertThat(us.messages().get(2).text()).isEqualTo("How are you?\n\nIs everything alright?");

    ChatExport uk = ChatExportFiles.read(file, Optional.empty(), Locale.UK).chat();
    assertThat(uk.first()).contains(LocalDateTime.of(2017, 3, 6, 0, 45));
    assertThat(uk.last()).contains(LocalDateTime.of(2017, 5, 8, 1, 48));
    assertThat(uk.warnings())
        .containsExactly(
            "every date is ambiguous (06/03/2017): read as day/month, as the device locale en_GB"
                + " does");
  }

  @Test
  void goParserAndroidUnsavedContactsMatchesItsOracle() throws IOException {
    ChatExport chat =
        chat("whatsapp-chat-parser-go/test_data/english_android-unsaved_contacts.txt");
    assertThat(chat.entries()).hasSize(20);
    assertThat(chat.messages()).hasSize(19);
    assertThat(chat.senders())
        .containsExactlyInAnyOrder("+33 6 99 88 77 66", "+48 777 666 555", "Andrew");
    assertThat(chat.dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
    // the notice of the cleared chat comes first but is newer: first() is the earliest message
    assertThat(chat.entries().get(0).time()).isEqualTo(LocalDateTime.of(2025, 3, 18, 17, 49));
    assertThat(chat.first()).contains(LocalDateTime.of(2025, 3, 10, 16, 40));
    assertThat(chat.last()).contains(LocalDateTime.of(2025, 3, 10, 16, 44));
    assertThat(chat.messages().get(0).mediaOmitted()).isTrue();
  }

  @Test
  void goParserIphoneSavedContactsMatchesItsOracle() throws IOException {
    ChatExport chat = chat("whatsapp-chat-parser-go/test_data/english_iphone-saved_contacts.txt");
    assertThat(chat.format()).isEqualTo(ExportFormat.IOS);
    assertThat(chat.entries()).hasSize(15);
    assertThat(chat.senders()).containsExactlyInAnyOrder("Andrew", "Josh", "Marthy");
    // "Super Group: ‎Josh added you" and "Josh: ‎Josh created this group" are system lines
    assertThat(chat.entries().subList(0, 3))
        .extracting(ChatMessage::sender, ChatMessage::text)
        .containsExactly(
            tuple(
                Optional.empty(),
                "Messages and calls are end-to-end encrypted. No one outside of this chat, not"
                    + " even WhatsApp, can read or listen to them."),
            tuple(Optional.empty(), "Josh created this group"),
            tuple(Optional.empty(), "Josh added you"));
    assertThat(chat.messages()).hasSize(12);
    assertThat(chat.messages().get(4).text())
        .isEqualTo("I was thinking\ngoing to the beach\ngetting wasted\nor something");
  }

  @Test
  void websiteZipListsItsMediaAndTheirMessages() throws IOException {
    ChatExportFile file =
        read("whatsapp-chat-parser-website/src/assets/whatsapp-chat-parser-example.zip");
    assertThat(file.isArchive()).isTrue();
    assertThat(file.zipEntries())
        .containsExactly(
            "00000001-PHOTO-2019-06-20-16-00-15.jpg",
            "00000002-VIDEO-2019-06-20-16-01-42.mp4",
            "00000003-AUDIO-2019-06-20-16-03-55.mp3",
            "00000004-whatsapp-chat-parser-example.zip");
    ChatExport chat = file.chat();
    assertThat(chat.chat()).isEqualTo("whatsapp-chat-parser-example");
    assertThat(chat.format()).isEqualTo(ExportFormat.IOS);
    assertThat(chat.attachments())
        .extracting(Attachment::name, Attachment::sender, Attachment::time, Attachment::caption)
        .containsExactly(
            tuple(
                "00000001-PHOTO-2019-06-20-16-00-15.jpg",
                "Loris",
                LocalDateTime.of(2019, 6, 20, 16, 0, 15),
                ""),
            tuple(
                "00000002-VIDEO-2019-06-20-16-01-42.mp4",
                "Loris",
                LocalDateTime.of(2019, 6, 20, 16, 1, 42),
                ""),
            tuple(
                "00000003-AUDIO-2019-06-20-16-03-55.mp3",
                "Loris",
                LocalDateTime.of(2019, 6, 20, 16, 3, 55),
                ""),
            tuple(
                "00000004-whatsapp-chat-parser-example.zip",
                "Loris",
                LocalDateTime.of(2019, 6, 20, 16, 4, 37),
                ""));
    assertThat(chat.attachments())
        .extracting(Attachment::name)
        .containsExactlyElementsOf(file.zipEntries());
    assertThat(chat.senders()).containsExactly("John", "Loris", "Emily");
    assertThat(chat.entries().subList(0, 4)).allMatch(ChatMessage::system);
    // CRLF and LF mixed: the poll block (LF) stays one message
    assertThat(chat.messages())
        .filteredOn(m -> m.text().startsWith("POLL:"))
        .singleElement()
        .satisfies(m -> assertThat(m.text().split("\n")).hasSize(7));
    assertThat(chat.entries()).noneMatch(m -> m.text().contains("\r"));
  }

  @Test
  void androidZipAndTxtTakeTheChatNameFromTheFileName() throws IOException {
    ChatExportFile alex = read("whatsapp-export-parser/samples/WhatsApp Chat with Alex.zip");
    assertThat(alex.chat().chat()).isEqualTo("Alex");
    assertThat(alex.isArchive()).isTrue();
    assertThat(alex.zipEntries()).isEmpty();
    assertThat(alex.chat().messages()).hasSize(4);
    assertThat(alex.chat().messages().get(2).text())
        .endsWith(
            "project:\nfunction greet(name) {\n    return `Hello, ${name}! Welcome to the"
                + " WhatsApp parser.`;\n}");

    ChatExport devTeam = chat("whatsapp-export-parser/samples/WhatsApp Chat with Dev Team.txt");
    assertThat(devTeam.chat()).isEqualTo("Dev Team");
    assertThat(devTeam.senders()).containsExactly("Sarah", "David", "MDOT");
    assertThat(devTeam.entries().get(0).system()).isTrue();
  }

  /** A real pt-PT Android group of 2024: counts checked with grep on the file. */
  @Test
  void portugueseGroupCountsAndNullMedia() throws IOException {
    ChatExport chat = chat("BeerDashboardWpp/data/_chat.txt");
    assertThat(chat.format()).isEqualTo(ExportFormat.ANDROID);
    assertThat(chat.dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
    assertThat(chat.dateOrderFromLocale()).isFalse();
    assertThat(chat.entries()).hasSize(931);
    assertThat(chat.messages()).hasSize(924);
    assertThat(chat.senders()).hasSize(11).startsWith("Ronaldo", "Anselmo Ralph");
    assertThat(chat.messages().stream().filter(ChatMessage::mediaOmitted)).hasSize(24);
    assertThat(chat.messages().stream().filter(m -> m.text().equals("Esta mensagem foi apagada")))
        .hasSize(9);
    assertThat(
            chat.messages().stream().filter(m -> m.text().contains("<Esta mensagem foi editada>")))
        .hasSize(1);
    assertThat(chat.entries().get(1))
        .extracting(ChatMessage::sender, ChatMessage::text)
        .containsExactly(
            Optional.empty(), "Ronaldo criou o grupo \"Contabilidade - Cerveja Bebida em emojis\"");
    assertThat(chat.first()).contains(LocalDateTime.of(2024, 7, 12, 19, 44));
    assertThat(chat.last()).contains(LocalDateTime.of(2024, 8, 1, 20, 29));
    assertThat(chat.chat()).as("a bare _chat.txt is named after its folder").isEqualTo("data");
  }

  @Test
  void germanFixtures() throws IOException {
    ChatExport group = chat("whatsapp-export-tools/Fixtures/wet-group-chat/_chat.txt");
    assertThat(group.chat()).as("from the line before the first date").isEqualTo("Group Chat");
    assertThat(group.entries().get(0))
        .extracting(ChatMessage::sender, ChatMessage::text)
        .containsExactly(Optional.empty(), "Person A hat die Gruppe erstellt.");
    assertThat(group.senders()).containsExactly("Person A", "Person B", "Person C");
    assertThat(group.messages()).hasSize(6);

    ChatExport event = chat("whatsapp-export-tools/Fixtures/wet-group-event-bracket/_chat.txt");
    assertThat(event.format()).isEqualTo(ExportFormat.IOS);
    assertThat(event.entries())
        .extracting(ChatMessage::sender, ChatMessage::text, ChatMessage::time)
        .containsExactly(
            tuple(
                Optional.of("Person A"),
                "Wir sehen uns morgen.",
                LocalDateTime.of(2018, 8, 7, 22, 42, 50)),
            tuple(
                Optional.empty(),
                "Person B hat dich entfernt.",
                LocalDateTime.of(2018, 8, 7, 22, 43, 1)));

    ChatExport placeholder =
        chat("whatsapp-export-tools/Fixtures/wet-exporter-placeholder/_chat.txt");
    assertThat(placeholder.entries()).hasSize(5);
    assertThat(placeholder.senders()).containsExactly("Du", "Person B", "You");
    assertThat(placeholder.messages())
        .extracting(ChatMessage::text)
        .contains("This message was deleted.");

    ChatExport twoParty = chat("whatsapp-export-tools/Fixtures/wet-two-party/000000/Chat.txt");
    assertThat(twoParty.chat()).isEqualTo("Person B");
    assertThat(twoParty.warnings()).noneMatch(w -> w.contains("skipped"));

    ChatExport weak = chat("whatsapp-export-tools/Fixtures/wet-weak-partner/000000/Chat.txt");
    assertThat(weak.chat()).isEqualTo("000000");
    assertThat(weak.senders()).containsExactly("+49 0000001", "+49 0000002");

    ChatExport pokemon = chat("whatstk/chats/whatsapp/pokemon.txt");
    assertThat(pokemon.entries()).hasSize(20);
    assertThat(pokemon.entries().get(0).system()).as("chat name before the notice").isTrue();
    assertThat(pokemon.senders())
        .contains("Jessie & James", "Prof. Oak")
        .doesNotContain("Pokemon Chat");
    assertThat(pokemon.last()).contains(LocalDateTime.of(2016, 10, 31, 12, 23));
  }

  @Test
  void legacy2012Format() throws IOException {
    ChatExport chat = chat("whatsapp-parser/test/testChat2.txt");
    assertThat(chat.format()).isEqualTo(ExportFormat.LEGACY_2012);
    assertThat(chat.messages()).hasSize(9);
    assertThat(chat.senders()).containsExactly("UsernameOne", "UsernameTwo");
    assertThat(chat.first()).contains(LocalDateTime.of(2012, 12, 9, 17, 2, 35));
    assertThat(chat.last()).contains(LocalDateTime.of(2012, 12, 11, 10, 4, 35));
    // the statistics oracles (testChat2_*.out) count one media message, sent by UsernameTwo
    assertThat(chat.messages().stream().filter(ChatMessage::mediaOmitted))
        .extracting(m -> m.sender().orElseThrow())
        .containsExactly("UsernameTwo");
  }

  @Test
  void iosFormatsOfTheCorpus() throws IOException {
    ChatExport old = chat("whatsapp/_chat.txt");
    assertThat(old.messages()).hasSize(26);
    assertThat(old.messages().stream().filter(ChatMessage::mediaOmitted)).hasSize(8);

    ChatExport pm = chat("language-whatsapp/_chat.txt");
    assertThat(pm.first()).contains(LocalDateTime.of(2020, 11, 2, 21, 47, 19));
    assertThat(pm.attachments())
        .extracting(Attachment::name)
        .containsExactly(
            "00000010-PHOTO-2020-11-02-21-49-51.jpg", "00000013-AUDIO-2020-11-02-21-50-21.opus");
    assertThat(pm.messages())
        .extracting(ChatMessage::text)
        .contains("Some *bold text* and ~strike through~?");

    ChatExport dashes = chat("whatstk/chats/whatsapp/lorem.txt");
    assertThat(dashes.format()).isEqualTo(ExportFormat.IOS);
    assertThat(dashes.dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
    assertThat(dashes.senders()).contains("+1 123 456 789");
    assertThat(dashes.first()).contains(LocalDateTime.of(2020, 1, 15, 2, 22, 56));

    ChatExport mixed = chat("whatsapp-chat-parser-rb/spec/fixtures/files/sample.txt");
    assertThat(mixed.senders()).containsExactly("John Doe", "Jane Smith", "Alice", "Bob");
    assertThat(mixed.warnings()).anyMatch(w -> w.startsWith("dates disagree"));
    assertThat(mixed.messages())
        .extracting(ChatMessage::time)
        .allMatch(t -> t.toLocalDate().equals(java.time.LocalDate.of(2025, 12, 15)));
  }

  @Test
  void rwhatsappSample() throws IOException {
    ChatExport chat = chat("rwhatsapp/inst/extdata/sample.txt");
    assertThat(chat.entries()).hasSize(9);
    assertThat(chat.entries().get(1).text()).isEqualTo("You created group \"Tes\"");
    assertThat(chat.messages().get(0).mediaOmitted()).isTrue();
    assertThat(chat.messages().get(2).text())
        .isEqualTo("It's fun doing text analysis with R\nisn't it?");
  }

  /**
   * whatstk's list of header formats: every one with the year last renders two messages we read
   * back at the same times. Formats with a two-digit year first ({@code %y-%m-%d}) are not
   * supported: 23-11-05 reads as a day-first date, and nothing in a single date tells them apart.
   */
  @Test
  void whatstkHeaderFormatsWithTheYearLast() throws IOException {
    JsonArray formats =
        JsonParser.parseString(
                Files.readString(
                    Corpus.file("whatstk/whatstk/whatsapp/assets/header_format_support.json"),
                    StandardCharsets.UTF_8))
            .getAsJsonArray();
    LocalDateTime one = LocalDateTime.of(2020, 1, 15, 14, 5, 9);
    LocalDateTime two = LocalDateTime.of(2020, 2, 3, 9, 7, 0);
    int checked = 0;
    for (JsonElement element : formats) {
      String format = element.getAsJsonObject().get("format").getAsString();
      if (format.replace("[", "").startsWith("%y")) {
        continue;
      }
      String text = render(format, one, "Ann") + " hello\n" + render(format, two, "Bob") + " hi\n";
      ChatExport chat =
          ChatExportParser.parse(
              "_chat.txt", new java.io.StringReader(text), Optional.empty(), Locale.UK);
      boolean seconds = format.contains("%S");
      assertThat(chat.messages())
          .as(format + " → " + text)
          .extracting(ChatMessage::time, m -> m.sender().orElseThrow(), ChatMessage::text)
          .containsExactly(
              tuple(seconds ? one : one.withSecond(0), "Ann", "hello"), tuple(two, "Bob", "hi"));
      checked++;
    }
    assertThat(checked).isEqualTo(48);
  }

  private static String render(String format, LocalDateTime t, String name) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    return format
        .replace("%y", String.format(Locale.ROOT, "%02d", t.getYear() % 100))
        .replace("%m", String.format(Locale.ROOT, "%02d", t.getMonthValue()))
        .replace("%d", String.format(Locale.ROOT, "%02d", t.getDayOfMonth()))
        .replace("%H", String.format(Locale.ROOT, "%02d", t.getHour()))
        .replace("%I", String.format(Locale.ROOT, "%02d", hour12))
        .replace("%M", String.format(Locale.ROOT, "%02d", t.getMinute()))
        .replace("%S", String.format(Locale.ROOT, "%02d", t.getSecond()))
        .replace("%p", t.getHour() < 12 ? "AM" : "PM")
        .replace("%name", name);
  }
}
