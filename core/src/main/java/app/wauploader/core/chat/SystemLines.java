package app.wauploader.core.chat;

import java.util.regex.Pattern;

/**
 * Which "Name: text" lines are system lines all the same. Android writes system lines without a
 * sender, but iOS writes them after the group's (or the actor's) name and marks them with a
 * left-to-right mark (U+200E) first; some exports also put the chat's name before the encryption
 * notice. The wording is WhatsApp's, in the languages listed.
 */
final class SystemLines {
  /** The end-to-end encryption notice that opens a chat, old and new wording. */
  private static final Pattern ENCRYPTION =
      Pattern.compile(
          "^(?:Messages (?:and calls )?(?:to|you send to) this (?:group|chat)"
              + "(?: and calls)? are now secured with end-to-end encryption"
              + "|Messages (?:to this (?:group|chat) )?are now secured"
              + "|Messages and calls are end-to-end encrypted"
              + "|Nachrichten (?:und Anrufe )?(?:in diesem Chat )?(?:sind|werden) (?:jetzt )?"
              + "(?:mit )?Ende-zu-Ende-verschl\u00fcssel"
              + "|As mensagens(?: e (?:as )?chamadas)? (?:s\u00e3o|est\u00e3o) (?:encriptadas"
              + "|protegidas)"
              + "|Los mensajes(?: y las llamadas)? est\u00e1n cifrados de extremo a extremo"
              + "|Les messages(?: et les appels)? sont chiffr\u00e9s de bout en bout"
              + "|I messaggi(?: e le chiamate)? sono crittografati end-to-end"
              + "|Berichten(?: en oproepen)? zijn end-to-end versleuteld)",
          Pattern.CASE_INSENSITIVE);

  /** "X created group "Trip"" and its translations: the whole text, a name first. */
  private static final Pattern GROUP_CREATED =
      Pattern.compile(
          "^\\S.* (?:created (?:this )?group(?: [\"\u201c].*[\"\u201d])?"
              + "|hat (?:die|diese) Gruppe(?: [\"\u201e\u201c].*[\"\u201c\u201d])? erstellt"
              + "|criou (?:o|este) grupo(?: .*)?"
              + "|cre\u00f3 (?:el|este) grupo(?: .*)?"
              + "|a cr\u00e9\u00e9 (?:le|ce) groupe(?: .*)?"
              + "|ha creato (?:il|questo) gruppo(?: .*)?"
              + "|heeft (?:de )?groep(?: .*)? aangemaakt)\\.?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Placeholders and media that iOS also marks with U+200E but a participant did send: deleted
   * messages, attachments, shared locations.
   */
  private static final Pattern SENT_WITH_MARK =
      Pattern.compile(
          "^(?:This message was deleted|You deleted this message"
              + "|Diese Nachricht wurde gel\u00f6scht|Du hast diese Nachricht gel\u00f6scht"
              + "|Esta mensagem foi apagada|Apagaste esta mensagem|Voc\u00ea apagou esta mensagem"
              + "|Se elimin\u00f3 este mensaje|Eliminaste este mensaje"
              + "|Ce message a \u00e9t\u00e9 supprim\u00e9|Vous avez supprim\u00e9 ce message"
              + "|Questo messaggio \u00e8 stato eliminato|Hai eliminato questo messaggio"
              + "|Dit bericht is verwijderd|Je hebt dit bericht verwijderd"
              + "|(?:live )?location:|Standort:|Live-Standort|localiza\u00e7\u00e3o:"
              + "|ubicaci\u00f3n:|position :|posizione:|locatie:|POLL:|<)",
          Pattern.CASE_INSENSITIVE);

  private SystemLines() {}

  /**
   * True if the text after "Name: " is a system line.
   *
   * @param text the text as written, leading marks kept (they are what tells iOS system lines)
   */
  static boolean attributed(String text) {
    String plain = HeaderLine.withoutLeadingMarks(text);
    if (text.startsWith("\u200E")) {
      return !(SENT_WITH_MARK.matcher(plain).find()
          || MediaMarkers.omitted(text)
          || MediaMarkers.attachment(text).isPresent());
    }
    return ENCRYPTION.matcher(plain).find() || GROUP_CREATED.matcher(plain).matches();
  }
}
