package app.wauploader.android.build;

/** Calls what Android 8.0 lacks, for {@link ApiLevel26Test} to find. */
final class Api33Caller {
  private Api33Caller() {}

  /** Java 12; neither on Android 8.0 nor backported by D8 (String.isBlank would be). */
  static Object constable(String s) {
    return s.describeConstable();
  }
}
