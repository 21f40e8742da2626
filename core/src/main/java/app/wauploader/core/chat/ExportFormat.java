package app.wauploader.core.chat;

/** The line layout of a chat export, told apart by how each entry's first line starts. */
public enum ExportFormat {
  /** {@code 05/11/23, 12:00 - Name: text}: date, time, a dash; Android and WhatsApp Web. */
  ANDROID("android"),
  /** {@code [05/11/2023, 12:00:00] Name: text}: date and time in square brackets; iPhone. */
  IOS("ios"),
  /** {@code 09/12/2012 17:02:35: Name: text}: date, time with seconds, a colon; exports of 2012. */
  LEGACY_2012("legacy-2012");

  private final String id;

  ExportFormat(String id) {
    this.id = id;
  }

  /** A stable lower-case name for logs and reports: "android", "ios" or "legacy-2012". */
  public String id() {
    return id;
  }
}
