package app.wauploader.core.chat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How exports write media into message text: a file that came with the export, or a placeholder for
 * media left out. The wording is WhatsApp's, in the languages listed; unknown languages read as
 * plain text.
 */
final class MediaMarkers {
  /** iOS: {@code <attached: 00000012-PHOTO-2023-11-05-12-00-00.jpg>}, anywhere in the text. */
  private static final Pattern ATTACHED =
      Pattern.compile(
          "["
              + HeaderLine.MARKS
              + "]?<\\s*(?:attached|Anhang|adjunto|anexado|anexo|allegato"
              + "|bijlage|pi\u00e8ce jointe)\\s?:\\s*([^<>]+?)\\s*>",
          Pattern.CASE_INSENSITIVE);

  /**
   * Android: {@code IMG-20231105-WA0012.jpg (file attached)} as the first line; the caption, if
   * any, follows on the next lines.
   */
  private static final Pattern FILE_ATTACHED =
      Pattern.compile(
          "^["
              + HeaderLine.MARKS
              + "]?(.+?\\.[A-Za-z0-9]{1,8}) \\((?:file attached"
              + "|Datei angeh\u00e4ngt|archivo adjunto|arquivo anexado|ficheiro anexado"
              + "|fichier joint|file allegato|bestand bijgevoegd)\\)\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** Android: a placeholder in angle brackets, anywhere in the text. */
  private static final Pattern ANDROID_OMITTED =
      Pattern.compile(
          "<(?:Media omitted|Medien ausgeschlossen|Medien weggelassen|Multimedia omitido"
              + "|Archivo omitido|M\u00eddia oculta|Multim\u00e9dia omitido|Ficheiro omitido"
              + "|M\u00e9dias omis|Fichier omis|Media omessi|Media weggelaten)>",
          Pattern.CASE_INSENSITIVE);

  /** iOS: "image omitted", "NAME.pdf • 3 pages document omitted", as the end of the text. */
  private static final Pattern IOS_OMITTED =
      Pattern.compile(
          "(?:^|[\\s"
              + HeaderLine.MARKS
              + "])"
              + "(?:(?:image|video|audio|sticker|document|GIF|Contact card) omitted"
              + "|(?:Bild|Video|Audio|Sticker|Dokument|GIF) weggelassen"
              + "|(?:imagen|sticker) omitida|(?:video|audio|documento|sticker) omitido"
              + "|(?:imagem|figurinha) (?:ocultada|omitida)"
              + "|(?:v\u00eddeo|\u00e1udio|documento) (?:ocultado|omitido)"
              + "|(?:image|vid\u00e9o) absente|(?:audio|sticker|document) omis"
              + "|immagine omessa|(?:video|audio|sticker|documento) omesso"
              + "|(?:afbeelding|video|audio|sticker|document) weggelaten)$",
          Pattern.CASE_INSENSITIVE);

  /** Old iOS (2015): the media kind alone after a left-to-right mark. */
  private static final Pattern OLD_IOS_OMITTED =
      Pattern.compile("^\u200E(?:image|video|audio|sticker|GIF)$", Pattern.CASE_INSENSITIVE);

  private MediaMarkers() {}

  /** The name of the file {@code text} attaches, if it names one. */
  static Optional<String> attachment(String text) {
    Matcher m = ATTACHED.matcher(text);
    if (m.find()) {
      return Optional.of(m.group(1));
    }
    m = FILE_ATTACHED.matcher(firstLine(text));
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The text without the marker of {@code attachment}, trimmed: the caption.
   *
   * @param text a message text for which {@link #attachment} found {@code attachment}
   */
  static String caption(String text, String attachment) {
    Matcher m = ATTACHED.matcher(text);
    if (m.find() && m.group(1).equals(attachment)) {
      return (text.substring(0, m.start()) + text.substring(m.end())).trim();
    }
    if (FILE_ATTACHED.matcher(firstLine(text)).matches()) {
      int newline = text.indexOf('\n');
      return newline < 0 ? "" : text.substring(newline + 1).trim();
    }
    return text.trim();
  }

  /**
   * True if {@code text}, as written after the sender (leading marks kept), is a placeholder for
   * media the export left out.
   */
  static boolean omitted(String text) {
    String trimmed = text.trim();
    return ANDROID_OMITTED.matcher(trimmed).find()
        || IOS_OMITTED.matcher(trimmed).find()
        || OLD_IOS_OMITTED.matcher(trimmed).matches()
        || HeaderLine.withoutLeadingMarks(trimmed).toLowerCase(Locale.ROOT).equals("null");
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
