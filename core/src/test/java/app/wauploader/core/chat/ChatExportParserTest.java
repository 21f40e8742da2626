package app.wauploader.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-written exports for the shapes the corpus lacks: translations, clocks, line ends. */
class ChatExportParserTest {
  private static ChatExport parse(String text) throws IOException {
    return parse("_chat.txt", text, Locale.UK);
  }

  private static ChatExport parse(String fileName, String text, Locale fallback)
      throws IOException {
    return ChatExportParser.parse(fileName, new StringReader(text), Optional.empty(), fallback);
  }

  @ParameterizedTest
  @CsvSource({
    "file attached",
    "Datei angehängt",
    "archivo adjunto",
    "arquivo anexado",
    "fichier joint",
    "file allegato",
    "bestand bijgevoegd"
  })
  void androidAttachmentsInEachLanguageKeepTheirCaption(String marker) throws IOException {
    ChatExport chat =
        parse(
            "05/11/2023, 12:00 - Ann: IMG-20231105-WA0012.jpg ("
                + marker
                + ")\nAt the lake\nwith Bob\n"
                + "13/11/2023, 12:01 - Bob: \u200EDocument 2023 final.pdf ("
                + marker
                + ")\n"
                + "13/11/2023, 12:02 - Ann: just text (not attached)\n");

    assertThat(chat.attachments())
        .extracting(Attachment::name, Attachment::sender, Attachment::caption, Attachment::time)
        .containsExactly(
            tuple(
                "IMG-20231105-WA0012.jpg",
                "Ann",
                "At the lake\nwith Bob",
                LocalDateTime.of(2023, 11, 5, 12, 0)),
            tuple("Document 2023 final.pdf", "Bob", "", LocalDateTime.of(2023, 11, 13, 12, 1)));
    assertThat(chat.messages().get(0).text())
        .isEqualTo("IMG-20231105-WA0012.jpg (" + marker + ")\nAt the lake\nwith Bob");
    assertThat(chat.messages().get(2).attachment()).isEmpty();
  }

  @Test
  void twelveHourClocksWithNarrowNoBreakSpaceOrSpace() throws IOException {
    ChatExport chat =
        parse(
            "11/5/23, 9:05\u202FPM - Ann: evening\n"
                + "11/5/23, 12:05\u202FAM - Ann: just after midnight\n"
                + "11/5/23, 12:30 PM - Bob: noon\n"
                + "11/13/23, 7:00 am - Bob: morning\n");
    assertThat(chat.dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
    assertThat(chat.format()).isEqualTo(ExportFormat.ANDROID);
    assertThat(chat.messages())
        .extracting(ChatMessage::time)
        .containsExactly(
            LocalDateTime.of(2023, 11, 5, 21, 5),
            LocalDateTime.of(2023, 11, 5, 0, 5),
            LocalDateTime.of(2023, 11, 5, 12, 30),
            LocalDateTime.of(2023, 11, 13, 7, 0));
  }

  @Test
  void spanishMeridiemsIncludingZeroHour() throws IOException {
    ChatExport chat =
        parse(
            "20/06/2020, 00:08 a. m. - Ana: late\n"
                + "20/06/2020, 12:10 p. m. - Ana: noon\n"
                + "20/06/2020, 08:49 p.m. - Ana: evening\n");
    assertThat(chat.messages())
        .extracting(ChatMessage::time)
        .containsExactly(
            LocalDateTime.of(2020, 6, 20, 0, 8),
            LocalDateTime.of(2020, 6, 20, 12, 10),
            LocalDateTime.of(2020, 6, 20, 20, 49));
  }

  @Test
  void crlfAndMixedLineEnds() throws IOException {
    ChatExport chat =
        parse("\uFEFF13/01/20, 10:00 - Ann: one\r\ntwo\r\n13/01/20, 10:01 - Bob: three\nfour\r\n");
    assertThat(chat.messages())
        .extracting(ChatMessage::text)
        .containsExactly("one\ntwo", "three\nfour");
  }

  @Test
  void whenEveryDateIsAmbiguousTheLocaleDecides() throws IOException {
    String text = "01/02/20, 10:00 - Ann: hi\n03/04/20, 11:00 - Bob: hello\n";

    ChatExport us = parse("_chat.txt", text, Locale.US);
    assertThat(us.dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
    assertThat(us.dateOrderFromLocale()).isTrue();
    assertThat(us.first()).contains(LocalDateTime.of(2020, 1, 2, 10, 0));
    assertThat(us.warnings())
        .containsExactly(
            "every date is ambiguous (01/02/20): read as month/day, as the device locale en_US"
                + " does");

    ChatExport uk = parse("_chat.txt", text, Locale.UK);
    assertThat(uk.dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
    assertThat(uk.first()).contains(LocalDateTime.of(2020, 2, 1, 10, 0));
    assertThat(uk.last()).contains(LocalDateTime.of(2020, 4, 3, 11, 0));
    assertThat(uk.warnings())
        .containsExactly(
            "every date is ambiguous (01/02/20): read as day/month, as the device locale en_GB"
                + " does");

    ChatExport german = parse("_chat.txt", text, Locale.GERMANY);
    assertThat(german.dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
  }

  @Test
  void oneProvingDateDecidesTheWholeFile() throws IOException {
    ChatExport chat =
        parse("_chat.txt", "01/02/20, 10:00 - Ann: hi\n01/13/20, 10:00 - Ann: x\n", Locale.UK);
    assertThat(chat.dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
    assertThat(chat.dateOrderFromLocale()).isFalse();
    assertThat(chat.warnings()).isEmpty();
    assertThat(chat.first()).contains(LocalDateTime.of(2020, 1, 2, 10, 0));
  }

  @Test
  void iosLayouts() throws IOException {
    assertThat(parse("[05.11.23, 12:00:01] Ann: a\n[13.11.23, 12:00:02] Ann: b").first())
        .contains(LocalDateTime.of(2023, 11, 5, 12, 0, 1));
    assertThat(parse("[11/05/23 12:00] Ann: a\n[11/13/23 12:00] Ann: b").first())
        .contains(LocalDateTime.of(2023, 11, 5, 12, 0));
    assertThat(parse("[05-11-23 12:00:00] Ann: a\n[13-11-23 12:00:00] Ann: b").first())
        .contains(LocalDateTime.of(2023, 11, 5, 12, 0));
    ChatExport pm =
        parse("[15/11/2023, 9:05:30 pm] Ann: a\n\u200E[15/11/2023, 9:06:00\u202FPM] Ann: b");
    assertThat(pm.format()).isEqualTo(ExportFormat.IOS);
    assertThat(pm.messages())
        .extracting(ChatMessage::time)
        .containsExactly(
            LocalDateTime.of(2023, 11, 15, 21, 5, 30), LocalDateTime.of(2023, 11, 15, 21, 6));
  }

  @Test
  void iosMediaAttachedAndOmitted() throws IOException {
    ChatExport chat =
        parse(
            "\u200E[15/11/2023, 12:00:00] Ann: \u200E<attached: 00000012-PHOTO-2023-11-15-12-00-00.jpg>\n"
                + "[15/11/2023, 12:00:01] Ann: \u200Eimage omitted\n"
                + "[15/11/2023, 12:00:02] Ann: \u200Evideo omitted\n"
                + "[15/11/2023, 12:00:03] Ann: \u200Eaudio omitted\n"
                + "[15/11/2023, 12:00:04] Ann: \u200Esticker omitted\n"
                + "[15/11/2023, 12:00:05] Ann: Plan.pdf \u2022 3 pages \u200Edocument omitted\n"
                + "[15/11/2023, 12:00:06] Ann: \u200EBild weggelassen\n"
                + "[15/11/2023, 12:00:07] Ann: \u200Eimagen omitida\n"
                + "[15/11/2023, 12:00:08] Ann: \u200Eimage\n"
                + "[15/11/2023, 12:00:09] Ann: image omitted is what it said\n"
                + "[15/11/2023, 12:00:10] Ann: \u200EThis message was deleted.\n"
                + "[15/11/2023, 12:00:11] Group: \u200EAnn changed the group description\n");
    assertThat(chat.messages()).hasSize(11);
    assertThat(chat.messages().get(0).attachment())
        .contains("00000012-PHOTO-2023-11-15-12-00-00.jpg");
    assertThat(chat.messages().get(0).mediaOmitted()).isFalse();
    assertThat(chat.messages().subList(1, 9)).allMatch(ChatMessage::mediaOmitted);
    assertThat(chat.messages().get(9).mediaOmitted()).isFalse();
    assertThat(chat.messages().get(10).text()).isEqualTo("This message was deleted.");
    assertThat(chat.entries().get(11).system()).isTrue();
    assertThat(chat.senders()).containsExactly("Ann");
  }

  @Test
  void androidOmittedMediaAndPlaceholdersAreMessages() throws IOException {
    ChatExport chat =
        parse(
            "13/11/2023, 12:00 - Ann: <Media omitted>\n"
                + "13/11/2023, 12:01 - Ann: <Medien ausgeschlossen>\n"
                + "13/11/2023, 12:02 - Ann: null\n"
                + "13/11/2023, 12:03 - Ann: This message was deleted\n"
                + "13/11/2023, 12:04 - Ann: see you <This message was edited>\n");
    assertThat(chat.messages()).hasSize(5);
    assertThat(chat.messages())
        .extracting(ChatMessage::mediaOmitted)
        .containsExactly(true, true, true, false, false);
  }

  @Test
  void systemLinesHaveNoSender() throws IOException {
    ChatExport chat =
        parse(
            "13/11/2023, 12:00 - Messages and calls are end-to-end encrypted. No one outside of"
                + " this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n"
                + "13/11/2023, 12:00 - You created group \"Trip: 2024\"\n"
                + "13/11/2023, 12:00 - Ann hat die Gruppe \u201eAusflug\u201c erstellt.\n"
                + "13/11/2023, 12:01 - Ann: Welcome!\n"
                + "13/11/2023, 12:02 - Bob left\n");
    assertThat(chat.entries())
        .extracting(ChatMessage::sender)
        .containsExactly(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("Ann"),
            Optional.empty());
    assertThat(chat.messages()).hasSize(1);
    assertThat(chat.entries().get(1).text()).isEqualTo("You created group \"Trip: 2024\"");
  }

  @Test
  void phoneNumbersLoseTheirDirectionMarks() throws IOException {
    ChatExport chat =
        parse(
            "13/11/2023, 12:00 - \u202A+33\u00A06 99 88 77 66\u202C: salut\n"
                + "[13/11/2023, 12:00:01] \u200E\u202A+48 777 666 555\u202C: hi\n");
    assertThat(chat.senders()).containsExactly("+33 6 99 88 77 66", "+48 777 666 555");
  }

  @Test
  void linesThatMatchNothingContinueAMessageOrAreSkipped() throws IOException {
    ChatExport chat =
        parse(
            "Some header nobody wrote\n"
                + "\n"
                + "13/11/2023, 12:00 - Ann: first\n"
                + "\n"
                + "after a blank line\n"
                + "31/02/2023, 12:00 - not a date, so part of the message\n"
                + "13/11/2023, 12:01 - Bob:\n"
                + "text on the next line\n"
                + "\n"
                + "\n");
    assertThat(chat.entries())
        .extracting(ChatMessage::sender, ChatMessage::text)
        .containsExactly(
            tuple(
                Optional.of("Ann"),
                "first\n\nafter a blank line\n31/02/2023, 12:00 - not a date, so part of the"
                    + " message"),
            tuple(Optional.of("Bob"), "\ntext on the next line"));
    assertThat(chat.warnings())
        .containsExactly("1 line(s) before the first dated line were skipped");
  }

  @Test
  void legacyLayout() throws IOException {
    ChatExport chat = parse("13/12/2012 17:02:35: Ann: Hello: world\n13/12/2012 17:03:00: Bob: hi");
    assertThat(chat.format()).isEqualTo(ExportFormat.LEGACY_2012);
    assertThat(chat.format().id()).isEqualTo("legacy-2012");
    assertThat(chat.messages())
        .extracting(ChatMessage::sender, ChatMessage::text)
        .containsExactly(
            tuple(Optional.of("Ann"), "Hello: world"), tuple(Optional.of("Bob"), "hi"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "WhatsApp Chat with Family.txt|Family",
        "WhatsApp Chat - Family.zip|Family",
        "WhatsApp Chat with Family (1).txt|Family",
        "WhatsApp Chat mit Familie Müller.txt|Familie Müller",
        "Chat de WhatsApp con Ana.txt|Ana",
        "Conversa do WhatsApp com João.txt|João",
        "Discussion WhatsApp avec Léa.txt|Léa",
        "Chat WhatsApp con Luca.txt|Luca",
        "WhatsApp-chat met Daan.txt|Daan",
        "notes.txt|notes",
        "_chat.txt|_chat",
        "Family/_chat.txt|Family",
        "Chat.txt|Chat"
      })
  void chatNameFromTheFileName(String fileName, String name) throws IOException {
    assertThat(parse(fileName, "13/11/2023, 12:00 - Ann: hi", Locale.UK).chat()).isEqualTo(name);
  }

  @Test
  void chatNameFromAHeaderLineOrTheUser() throws IOException {
    String text = "WhatsApp Chat - Person B\n13/11/2023, 12:00 - Ann: hi";
    assertThat(parse("_chat.txt", text, Locale.UK).chat()).isEqualTo("Person B");
    assertThat(parse("WhatsApp Chat with Bob.txt", text, Locale.UK).chat()).isEqualTo("Bob");
    assertThat(
            ChatExportParser.parse(
                    "WhatsApp Chat with Bob.txt",
                    new StringReader(text),
                    Optional.of("Our chat"),
                    Locale.UK)
                .chat())
        .isEqualTo("Our chat");
  }

  @Test
  void textWithoutDatesIsNoExport() {
    assertThatThrownBy(() -> parse("notes.txt", "shopping list\nmilk\n", Locale.UK))
        .isInstanceOf(ChatExportException.class)
        .hasMessage("notes.txt is not a WhatsApp chat export: no line starts with a date");
    assertThatThrownBy(() -> parse("notes.txt", "\n \n", Locale.UK))
        .isInstanceOf(ChatExportException.class)
        .hasMessageStartingWith("notes.txt is empty");
  }
}
