package app.wauploader.core.hash;

/**
 * {@link MediaSignatures} first (the kinds of file WhatsApp writes, named and signed as such), then
 * {@code fallback} (Tika) for everything else. Same answers as the fallback alone, a small fraction
 * of the time on a media tree. Thread-safe when the fallback is.
 */
public final class SignatureFirstDetector implements MimeDetector {
  private final MimeDetector fallback;

  /**
   * @param fallback decides whatever the signature table does not ({@link TikaMimeDetector})
   */
  public SignatureFirstDetector(MimeDetector fallback) {
    this.fallback = fallback;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IndexOutOfBoundsException if {@code length} is negative or beyond {@code head}
   */
  @Override
  public String detect(byte[] head, int length, String fileName) {
    if (length < 0 || length > head.length) {
      throw new IndexOutOfBoundsException("length " + length + " of " + head.length);
    }
    return MediaSignatures.match(head, length, fileName)
        .orElseGet(() -> fallback.detect(head, length, fileName));
  }
}
