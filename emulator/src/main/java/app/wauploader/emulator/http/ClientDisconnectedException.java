package app.wauploader.emulator.http;

import java.io.IOException;

/**
 * Reading a request body failed on the client's side: the connection broke, or the body ended
 * before its declared length. Upload handlers keep what they received (truncated to a 256 KiB
 * multiple) and rethrow; the dispatcher then closes the connection without a response.
 */
public class ClientDisconnectedException extends IOException {
  private static final long serialVersionUID = 1L;

  public ClientDisconnectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
